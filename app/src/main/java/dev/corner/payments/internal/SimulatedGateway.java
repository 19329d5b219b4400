package dev.corner.payments.internal;

import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.payments.GatewayException;
import dev.corner.payments.PaymentGateway;
import dev.corner.payments.model.CardRules;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A gateway that talks to no processor, for development, demos and tests. Public test card numbers
 * choose the outcome (docs/payments.md lists them); any other valid number is approved. The outcome
 * travels inside the token, never the number, so tokens keep working after a restart.
 */
@Component
@ConditionalOnProperty(name = "corner.payments.gateway", havingValue = "simulated", matchIfMissing = true)
public class SimulatedGateway implements PaymentGateway {

    /** What a test card makes the simulation do. */
    public enum Behaviour {
        SUCCESS("4242424242424242", null),
        DECLINE("4000000000000002", "card_declined"),
        INSUFFICIENT_FUNDS("4000000000009995", "insufficient_funds"),
        EXPIRED_CARD("4000000000000069", "expired_card"),
        PROCESSING_ERROR("4000000000000119", null),
        SLOW("4000000000007775", null);

        private final String testCard;
        private final String declineCode;

        Behaviour(String testCard, String declineCode) {
            this.testCard = testCard;
            this.declineCode = declineCode;
        }

        public String testCard() {
            return testCard;
        }

        String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** Further approved cards of other brands, so that brands can be tried too. */
    private static final Map<String, Behaviour> OTHER_SUCCESS_CARDS =
            Map.of("5555555555554444", Behaviour.SUCCESS, "378282246310005", Behaviour.SUCCESS);

    private static final Map<String, Behaviour> TEST_CARDS =
            Arrays.stream(Behaviour.values()).collect(Collectors.toMap(Behaviour::testCard, Function.identity()));

    private static final String TOKEN_PREFIX = "simtok-";
    private static final char[] AUTH_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration slowDelay;

    SimulatedGateway(@Value("${corner.payments.simulated.slow-delay:2s}") Duration slowDelay) {
        this.slowDelay = slowDelay;
    }

    /** True if {@code number} is one of the documented test cards. */
    public static boolean isTestCard(String number) {
        return TEST_CARDS.containsKey(number) || OTHER_SUCCESS_CARDS.containsKey(number);
    }

    @Override
    public CardToken tokenize(CardDetails card) {
        var behaviour = Optional.ofNullable(TEST_CARDS.get(card.number())).orElse(Behaviour.SUCCESS);
        var number = card.number();
        return new CardToken(
                readableId(TOKEN_PREFIX + behaviour.tag()),
                CardRules.brandOf(number).name(),
                number.substring(number.length() - 4));
    }

    @Override
    public Authorization authorize(String token, Money amount, String reference) {
        var behaviour = behaviourOf(token);
        switch (behaviour) {
            case PROCESSING_ERROR -> throw new GatewayException("the simulated processor failed to answer");
            case SLOW -> pause();
            case DECLINE, INSUFFICIENT_FUNDS, EXPIRED_CARD -> {
                return Authorization.declined(behaviour.declineCode);
            }
            case SUCCESS -> {}
        }
        return Authorization.approved(authorizationId(), authCode());
    }

    static String authorizationId() {
        return readableId("simauth");
    }

    /**
     * A random id, broken into groups of at most eight characters: nothing Corner stores may hold
     * twelve digits in a row (the database refuses what could be a card number), and a random id
     * of twenty characters now and then has such a run.
     */
    static String readableId(String prefix) {
        var random = Ids.next(prefix).substring(prefix.length() + 1);
        return prefix + "_" + random.substring(0, 8) + "-" + random.substring(8, 16) + "-" + random.substring(16);
    }

    @Override
    public void capture(String authorization, Money amount) {
        requireOurs(authorization);
    }

    @Override
    public void voidAuthorization(String authorization) {
        requireOurs(authorization);
    }

    @Override
    public void refund(String authorization, Money amount, String refundId) {
        requireOurs(authorization);
    }

    private static Behaviour behaviourOf(String token) {
        if (token != null && token.startsWith(TOKEN_PREFIX)) {
            var tag = token.substring(TOKEN_PREFIX.length(), token.lastIndexOf('_'));
            for (var behaviour : Behaviour.values()) {
                if (behaviour.tag().equals(tag)) {
                    return behaviour;
                }
            }
        }
        throw new IllegalArgumentException("not a token of the simulated gateway");
    }

    private static void requireOurs(String authorization) {
        if (authorization == null || !authorization.startsWith("simauth_")) {
            throw new IllegalArgumentException("not an authorization of the simulated gateway");
        }
    }

    private void pause() {
        try {
            Thread.sleep(slowDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while waiting for the simulated processor");
        }
    }

    private static String authCode() {
        var code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = AUTH_CODE_ALPHABET[RANDOM.nextInt(AUTH_CODE_ALPHABET.length)];
        }
        return new String(code);
    }
}
