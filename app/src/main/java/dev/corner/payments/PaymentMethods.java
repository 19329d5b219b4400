package dev.corner.payments;

import dev.corner.common.AccountId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Role;
import dev.corner.common.Text;
import dev.corner.payments.PaymentGateway.CardDetails;
import dev.corner.payments.internal.PaymentMethodRecords;
import dev.corner.payments.model.CardRules;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households' saved cards. The number and security code are checked, handed to the gateway for a
 * token and then dropped: Corner keeps the token, brand, last four digits and expiry only.
 */
@Service
public class PaymentMethods {

    private static final Logger log = LoggerFactory.getLogger(PaymentMethods.class);
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    private final PaymentMethodRecords methods;
    private final PaymentGateway gateway;
    private final Clock clock;

    PaymentMethods(PaymentMethodRecords methods, PaymentGateway gateway, Clock clock) {
        this.methods = methods;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** A card as the form sent it. Its {@code toString} hides the number and the code. */
    public record NewCard(String number, Integer expMonth, Integer expYear, String cvc, String holder) {
        @Override
        public String toString() {
            return "NewCard[hidden]";
        }
    }

    /** Checks the card, tokenizes it at the gateway and saves the token for the calling household. */
    public PaymentMethodView save(Caller caller, NewCard card) {
        caller.requireRole(Role.HOUSEHOLD);
        var number = CardRules.requireNumber(card.number());
        var brand = CardRules.brandOf(number);
        var expiry = CardRules.requireExpiry(card.expMonth(), card.expYear(), YearMonth.now(clock));
        var cvc = CardRules.requireCvc(card.cvc(), brand);
        var holder = Text.optional(card.holder(), "holder", 100);
        // The gateway call comes before any transaction: no connection is held while it answers.
        var token = gateway.tokenize(new CardDetails(number, expiry.getMonthValue(), expiry.getYear(), cvc, holder));
        if (token.last4() == null || !LAST4.matcher(token.last4()).matches()) {
            throw new GatewayException("the gateway answered without the card's last four digits");
        }
        var view = new PaymentMethodView(
                new PaymentMethodId(Ids.next("pm")),
                token.brand(),
                token.last4(),
                expiry.getMonthValue(),
                expiry.getYear());
        methods.insert(new PaymentMethodRecords.Stored(view, caller.accountId(), token.token()));
        log.info(
                "Saved payment method {} ({} …{}) for {}",
                view.paymentMethodId(),
                view.brand(),
                view.last4(),
                caller.accountId());
        return view;
    }

    @Transactional(readOnly = true)
    public List<PaymentMethodView> mine(Caller caller) {
        return methods.ofOwner(caller.accountId()).stream()
                .map(PaymentMethodRecords.Stored::view)
                .toList();
    }

    /** The caller's own saved card; anyone else's answers 404. */
    @Transactional(readOnly = true)
    public PaymentMethodView mine(Caller caller, PaymentMethodId id) {
        return requireOwn(caller.accountId(), id).view();
    }

    /** The gateway token of {@code owner}'s card, refused if the card has expired since it was saved. */
    String usableToken(AccountId owner, PaymentMethodId id) {
        var method = requireOwn(owner, id);
        CardRules.requireNotExpired(method.expiry(), YearMonth.now(clock));
        return method.token();
    }

    private PaymentMethodRecords.Stored requireOwn(AccountId owner, PaymentMethodId id) {
        return methods.find(id)
                .filter(m -> m.owner().equals(owner))
                .orElseThrow(() -> CornerException.notFound("PAYMENT_METHOD_NOT_FOUND", "no payment method " + id));
    }
}
