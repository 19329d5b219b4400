package dev.corner.payments.internal;

import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.payments.Charging;
import dev.corner.payments.PaymentIntentId;
import dev.corner.payments.PaymentIntentView;
import dev.corner.payments.PaymentMethodId;
import dev.corner.payments.PaymentMethodView;
import dev.corner.payments.PaymentMethods;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class PaymentsController {

    private final PaymentMethods methods;
    private final Charging charging;

    PaymentsController(PaymentMethods methods, Charging charging) {
        this.methods = methods;
        this.charging = charging;
    }

    /** The card form. Its {@code toString} hides everything, so the number cannot reach a log. */
    record CardRequest(String number, Integer expMonth, Integer expYear, String cvc, String holder) {
        @Override
        public String toString() {
            return "CardRequest[hidden]";
        }
    }

    record MethodJson(String paymentMethodId, String brand, String last4, int expMonth, int expYear) {
        static MethodJson of(PaymentMethodView m) {
            return new MethodJson(m.paymentMethodId().value(), m.brand(), m.last4(), m.expMonth(), m.expYear());
        }
    }

    record MethodList(List<MethodJson> paymentMethods) {}

    record IntentRequest(String paymentMethodId, Money amount, String reference) {}

    record CaptureRequest(Money amount) {}

    record RefundRequest(String refundId, Money amount) {}

    record IntentJson(
            String paymentIntentId,
            String paymentMethodId,
            String status,
            Money amount,
            Money captured,
            Money refunded,
            String declineCode,
            String reference) {
        static IntentJson of(PaymentIntentView i) {
            return new IntentJson(
                    i.paymentIntentId().value(),
                    i.paymentMethodId().value(),
                    i.status().name(),
                    i.amount(),
                    i.captured(),
                    i.refunded(),
                    i.declineCode(),
                    i.reference());
        }
    }

    @PostMapping("/payment-methods")
    @ResponseStatus(HttpStatus.CREATED)
    MethodJson save(Caller caller, @RequestBody CardRequest card) {
        return MethodJson.of(methods.save(
                caller,
                new PaymentMethods.NewCard(card.number(), card.expMonth(), card.expYear(), card.cvc(), card.holder())));
    }

    @GetMapping("/payment-methods")
    MethodList mine(Caller caller) {
        return new MethodList(methods.mine(caller).stream().map(MethodJson::of).toList());
    }

    @GetMapping("/payment-methods/{paymentMethodId}")
    MethodJson one(Caller caller, @PathVariable String paymentMethodId) {
        return MethodJson.of(methods.mine(caller, new PaymentMethodId(paymentMethodId)));
    }

    /** Answers 201 whether the card was approved or declined: the intent exists either way. */
    @PostMapping("/payment-intents")
    @ResponseStatus(HttpStatus.CREATED)
    IntentJson create(Caller caller, @RequestBody IntentRequest request) {
        var method = request.paymentMethodId() == null ? null : new PaymentMethodId(request.paymentMethodId());
        return IntentJson.of(
                charging.create(caller, new Charging.NewIntent(method, request.amount(), request.reference())));
    }

    @GetMapping("/payment-intents/{paymentIntentId}")
    IntentJson intent(Caller caller, @PathVariable String paymentIntentId) {
        return IntentJson.of(charging.mine(caller, new PaymentIntentId(paymentIntentId)));
    }

    @PostMapping("/payment-intents/{paymentIntentId}/authorize")
    IntentJson authorize(Caller caller, @PathVariable String paymentIntentId) {
        return IntentJson.of(charging.authorize(caller, new PaymentIntentId(paymentIntentId)));
    }

    @PostMapping("/payment-intents/{paymentIntentId}/capture")
    IntentJson capture(
            Caller caller,
            @PathVariable String paymentIntentId,
            @RequestBody(required = false) CaptureRequest request) {
        var amount = request == null ? null : request.amount();
        return IntentJson.of(charging.capture(caller, new PaymentIntentId(paymentIntentId), amount));
    }

    @PostMapping("/payment-intents/{paymentIntentId}/void")
    IntentJson voidIntent(Caller caller, @PathVariable String paymentIntentId) {
        return IntentJson.of(charging.voidIntent(caller, new PaymentIntentId(paymentIntentId)));
    }

    @PostMapping("/payment-intents/{paymentIntentId}/refund")
    IntentJson refund(Caller caller, @PathVariable String paymentIntentId, @RequestBody RefundRequest request) {
        return IntentJson.of(
                charging.refund(caller, new PaymentIntentId(paymentIntentId), request.refundId(), request.amount()));
    }
}
