package dev.corner.payments.model;

import dev.corner.common.AccountId;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.payments.PaymentIntentId;
import dev.corner.payments.PaymentMethodId;
import dev.corner.payments.PaymentStatus;
import java.util.Objects;

/**
 * An amount a household means to pay with a saved card, and how far it got. It guards its own
 * transitions: an authorization is captured at most once (in part or in full, the rest released) or
 * voided; refunds follow a capture and together never exceed what was captured. Each verb changes the
 * intent only when the transition is legal and answers the history entry to record; the caller asks
 * the gateway in between and keeps the change only if the gateway agreed.
 */
public final class PaymentIntent {

    private final PaymentIntentId id;
    private final AccountId owner;
    private final PaymentMethodId paymentMethod;
    private final Money amount;
    private final String reference;
    private PaymentStatus status;
    private Money captured;
    private Money refunded;
    private String authorization;
    private String declineCode;

    public PaymentIntent(
            PaymentIntentId id,
            AccountId owner,
            PaymentMethodId paymentMethod,
            Money amount,
            String reference,
            PaymentStatus status,
            Money captured,
            Money refunded,
            String authorization,
            String declineCode) {
        this.id = Objects.requireNonNull(id);
        this.owner = Objects.requireNonNull(owner);
        this.paymentMethod = Objects.requireNonNull(paymentMethod);
        this.amount = Objects.requireNonNull(amount);
        this.reference = reference;
        this.status = Objects.requireNonNull(status);
        this.captured = Objects.requireNonNull(captured);
        this.refunded = Objects.requireNonNull(refunded);
        this.authorization = authorization;
        this.declineCode = declineCode;
    }

    /** A new intent that still needs the gateway's authorization. */
    public static PaymentIntent create(
            PaymentIntentId id, AccountId owner, PaymentMethodId paymentMethod, Money amount, String reference) {
        if (amount.amount() <= 0) {
            throw CornerException.invalid("INVALID_AMOUNT", "the amount must be above zero");
        }
        var zero = Money.zero(amount.currency());
        return new PaymentIntent(
                id,
                owner,
                paymentMethod,
                amount,
                reference,
                PaymentStatus.REQUIRES_AUTHORIZATION,
                zero,
                zero,
                null,
                null);
    }

    public PaymentEvent created() {
        return new PaymentEvent(PaymentEvent.Kind.CREATED, amount, reference);
    }

    /** The gateway held the amount on the card under {@code authorization}. */
    public PaymentEvent authorize(String authorization) {
        requireAwaitingAuthorization();
        this.authorization = Objects.requireNonNull(authorization);
        this.status = PaymentStatus.AUTHORIZED;
        return new PaymentEvent(PaymentEvent.Kind.AUTHORIZED, amount, null);
    }

    /** The gateway refused to hold the amount; the intent is finished. */
    public PaymentEvent decline(String declineCode) {
        requireAwaitingAuthorization();
        this.declineCode = Objects.requireNonNull(declineCode);
        this.status = PaymentStatus.DECLINED;
        return new PaymentEvent(PaymentEvent.Kind.DECLINED, null, declineCode);
    }

    public boolean awaitsAuthorization() {
        return status == PaymentStatus.REQUIRES_AUTHORIZATION;
    }

    /**
     * True if the intent was captured already for exactly {@code requested} (the whole amount when
     * null): the repeat of a capture that went through, which must not reach the gateway again.
     */
    public boolean capturedAs(Money requested) {
        return wasCaptured() && captured.equals(requested == null ? amount : requested);
    }

    /**
     * Captures {@code requested} (the whole authorized amount when null). Only once: what is not
     * captured is released back to the card.
     */
    public PaymentEvent capture(Money requested) {
        var take = requested == null ? amount : requested;
        amount.requireSameCurrency(take);
        if (wasCaptured()) {
            throw CornerException.conflict(
                    "ALREADY_CAPTURED", "payment intent " + id + " was captured already for " + captured.amount());
        }
        if (status != PaymentStatus.AUTHORIZED) {
            throw notAuthorized("captured");
        }
        if (take.amount() <= 0) {
            throw CornerException.invalid("INVALID_AMOUNT", "the amount to capture must be above zero");
        }
        if (take.exceeds(amount)) {
            throw CornerException.conflict(
                    "CAPTURE_EXCEEDS_AUTHORIZED",
                    "cannot capture " + take.amount() + " of an authorization for " + amount.amount());
        }
        this.captured = take;
        this.status = PaymentStatus.CAPTURED;
        return new PaymentEvent(
                PaymentEvent.Kind.CAPTURED,
                take,
                "released " + amount.minus(take).amount());
    }

    /** Releases the whole authorization. */
    public PaymentEvent voidIntent() {
        if (status != PaymentStatus.AUTHORIZED) {
            throw notAuthorized("voided");
        }
        this.status = PaymentStatus.VOIDED;
        return new PaymentEvent(PaymentEvent.Kind.VOIDED, amount, null);
    }

    /** Gives back part or all of what is captured and not yet refunded. */
    public PaymentEvent refund(Money requested, String refundId) {
        amount.requireSameCurrency(requested);
        if (!wasCaptured()) {
            throw CornerException.conflict(
                    "NOT_CAPTURED", "payment intent " + id + " is " + status + "; only a captured payment is refunded");
        }
        if (requested.amount() <= 0) {
            throw CornerException.invalid("INVALID_AMOUNT", "the amount to refund must be above zero");
        }
        var refundable = captured.minus(refunded);
        if (requested.exceeds(refundable)) {
            throw CornerException.conflict(
                    "REFUND_EXCEEDS_CAPTURED",
                    "cannot refund " + requested.amount() + "; " + refundable.amount() + " is left to refund");
        }
        this.refunded = refunded.plus(requested);
        this.status = refunded.equals(captured) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        return new PaymentEvent(PaymentEvent.Kind.REFUNDED, requested, refundId);
    }

    public boolean isVoided() {
        return status == PaymentStatus.VOIDED;
    }

    public boolean belongsTo(AccountId account) {
        return owner.equals(account);
    }

    private boolean wasCaptured() {
        return status == PaymentStatus.CAPTURED
                || status == PaymentStatus.PARTIALLY_REFUNDED
                || status == PaymentStatus.REFUNDED;
    }

    private void requireAwaitingAuthorization() {
        if (status != PaymentStatus.REQUIRES_AUTHORIZATION) {
            throw CornerException.conflict(
                    "ALREADY_AUTHORIZED", "payment intent " + id + " is " + status + " and was authorized before");
        }
    }

    private CornerException notAuthorized(String verb) {
        return CornerException.conflict(
                "NOT_AUTHORIZED", "payment intent " + id + " is " + status + " and cannot be " + verb);
    }

    public PaymentIntentId id() {
        return id;
    }

    public AccountId owner() {
        return owner;
    }

    public PaymentMethodId paymentMethod() {
        return paymentMethod;
    }

    public Money amount() {
        return amount;
    }

    public String reference() {
        return reference;
    }

    public PaymentStatus status() {
        return status;
    }

    public Money captured() {
        return captured;
    }

    public Money refunded() {
        return refunded;
    }

    public String authorization() {
        return authorization;
    }

    public String declineCode() {
        return declineCode;
    }
}
