package dev.corner.payments;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.payments.internal.PaymentIntentRecords;
import dev.corner.payments.model.PaymentEvent;
import dev.corner.payments.model.PaymentIntent;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment intents with a saved card: authorize, capture (once, in part or in full), void, refund.
 * Each action locks the intent, lets the model decide whether it is legal, asks the gateway, and keeps
 * the change only if the gateway agreed; a repeated action answers without asking the gateway again.
 */
@Service
public class Charging {

    private static final Logger log = LoggerFactory.getLogger(Charging.class);

    private final PaymentIntentRecords intents;
    private final PaymentMethods methods;
    private final PaymentGateway gateway;
    private final TransactionTemplate tx;

    Charging(
            PaymentIntentRecords intents,
            PaymentMethods methods,
            PaymentGateway gateway,
            PlatformTransactionManager transactions) {
        this.intents = intents;
        this.methods = methods;
        this.gateway = gateway;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What the household asks to pay, with which saved card. */
    public record NewIntent(PaymentMethodId paymentMethodId, Money amount, String reference) {}

    /**
     * Creates the intent and authorizes it. A declined card answers the intent as DECLINED; a gateway
     * that gave no answer throws {@link GatewayException} naming the intent, which stays
     * REQUIRES_AUTHORIZATION for {@link #authorize} to try again.
     */
    public PaymentIntentView create(Caller caller, NewIntent request) {
        caller.requireRole(Role.HOUSEHOLD);
        if (request.paymentMethodId() == null) {
            throw CornerException.invalid("INVALID_PAYMENT_METHOD", "paymentMethodId is required");
        }
        if (request.amount() == null) {
            throw CornerException.invalid("INVALID_AMOUNT", "amount is required");
        }
        var reference = PaymentReferences.check(request.reference());
        var id = new PaymentIntentId(Ids.next("pi"));
        tx.executeWithoutResult(status -> {
            methods.usableToken(caller.accountId(), request.paymentMethodId());
            var intent = PaymentIntent.create(
                    id, caller.accountId(), request.paymentMethodId(), request.amount(), reference);
            intents.insert(intent);
            intents.record(id, intent.created());
        });
        return authorize(caller, id);
    }

    /** Authorizes an intent that still needs it; an intent past that answers as it is. */
    public PaymentIntentView authorize(Caller caller, PaymentIntentId id) {
        return act(caller, id, intent -> {
            if (!intent.awaitsAuthorization()) {
                return view(intent);
            }
            var token = methods.usableToken(intent.owner(), intent.paymentMethod());
            var answer = gateway.authorize(token, intent.amount(), intent.reference());
            var event =
                    answer.approved() ? intent.authorize(answer.authorization()) : intent.decline(answer.declineCode());
            return save(intent, event);
        });
    }

    /** Captures {@code amount}, or the whole authorization when null; the same capture again is a no-op. */
    public PaymentIntentView capture(Caller caller, PaymentIntentId id, Money amount) {
        return act(caller, id, intent -> {
            if (intent.capturedAs(amount)) {
                return view(intent);
            }
            var event = intent.capture(amount);
            gateway.capture(intent.authorization(), event.amount());
            return save(intent, event);
        });
    }

    /** Releases the authorization; voiding a voided intent again answers it unchanged. */
    public PaymentIntentView voidIntent(Caller caller, PaymentIntentId id) {
        return act(caller, id, intent -> {
            if (intent.isVoided()) {
                return view(intent);
            }
            var event = intent.voidIntent();
            gateway.voidAuthorization(intent.authorization());
            return save(intent, event);
        });
    }

    /**
     * Refunds {@code amount} under the client's {@code refundId}. The same refund id again answers what
     * the first refund answered and refunds nothing; with another amount it is refused.
     */
    public PaymentIntentView refund(Caller caller, PaymentIntentId id, String refundId, Money amount) {
        Ids.requireValid(refundId, "refundId");
        if (amount == null) {
            throw CornerException.invalid("INVALID_AMOUNT", "amount is required");
        }
        return act(caller, id, intent -> {
            var earlier = intents.findRefund(id, refundId, intent.amount().currency());
            if (earlier.isPresent()) {
                if (!earlier.get().amount().equals(amount)) {
                    throw CornerException.conflict(
                            "REFUND_ID_REUSED", "refund " + refundId + " was made for another amount");
                }
                var view = view(intent);
                return new PaymentIntentView(
                        view.paymentIntentId(),
                        view.paymentMethodId(),
                        earlier.get().statusAfter(),
                        view.amount(),
                        view.captured(),
                        earlier.get().refundedAfter(),
                        view.declineCode(),
                        view.reference());
            }
            var event = intent.refund(amount, refundId);
            gateway.refund(intent.authorization(), amount, refundId);
            intents.insertRefund(intent, refundId, amount);
            return save(intent, event);
        });
    }

    /** The caller's own intent; anyone else's answers 404. */
    public PaymentIntentView mine(Caller caller, PaymentIntentId id) {
        return intents.find(id)
                .filter(intent -> intent.belongsTo(caller.accountId()))
                .map(Charging::view)
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Runs one step on the locked intent in a transaction. If the gateway gave no answer, the step's
     * change is dropped, the failure is written to the intent's history, and the failure is thrown
     * once that is committed.
     */
    private PaymentIntentView act(Caller caller, PaymentIntentId id, Function<PaymentIntent, PaymentIntentView> step) {
        var failure = new AtomicReference<GatewayException>();
        var answer = tx.execute(status -> {
            var intent = intents.lock(id)
                    .filter(i -> i.belongsTo(caller.accountId()))
                    .orElseThrow(() -> notFound(id));
            try {
                return step.apply(intent);
            } catch (GatewayException e) {
                intents.record(id, new PaymentEvent(PaymentEvent.Kind.GATEWAY_FAILED, null, e.getMessage()));
                failure.set(e.about(id));
                return null;
            }
        });
        if (failure.get() != null) {
            log.warn(
                    "Payment intent {}: the gateway gave no answer ({})",
                    id,
                    failure.get().getMessage());
            throw failure.get();
        }
        return answer;
    }

    private PaymentIntentView save(PaymentIntent intent, PaymentEvent event) {
        intents.update(intent);
        intents.record(intent.id(), event);
        log.info(
                "Payment intent {} {} ({} {})",
                intent.id(),
                intent.status(),
                event.amount() == null ? "-" : event.amount().amount(),
                intent.amount().currency());
        return view(intent);
    }

    private static PaymentIntentView view(PaymentIntent intent) {
        return new PaymentIntentView(
                intent.id(),
                intent.paymentMethod(),
                intent.status(),
                intent.amount(),
                intent.captured(),
                intent.refunded(),
                intent.declineCode(),
                intent.reference());
    }

    private static CornerException notFound(PaymentIntentId id) {
        return CornerException.notFound("PAYMENT_INTENT_NOT_FOUND", "no payment intent " + id);
    }
}
