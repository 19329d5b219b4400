package dev.corner.payments;

import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.payments.PaymentGateway.CardDetails;
import dev.corner.payments.internal.SimulatedGateway;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The card reader of a simulated terminal: the test hook that decides which card the next customer
 * "presents". Tests and the POS's demo mode call {@link #present}; with nothing presented the
 * terminal reads the approved test card. Only the documented test cards are accepted, so no real
 * card number is ever held here, and a presented card is used for one charge only.
 */
@Component
public class SimulatedTerminal {

    private static final String DEFAULT_CARD = SimulatedGateway.Behaviour.SUCCESS.testCard();

    private final Map<String, String> presented = new ConcurrentHashMap<>();

    /** The next charge on {@code terminalId} reads {@code testCardNumber}. */
    public void present(String terminalId, String testCardNumber) {
        Ids.requireValid(terminalId, "terminalId");
        if (!SimulatedGateway.isTestCard(testCardNumber)) {
            throw CornerException.invalid("NOT_A_TEST_CARD", "the simulated terminal reads test cards only");
        }
        presented.put(terminalId, testCardNumber);
    }

    /** Reads the card in front of the terminal, and forgets it. */
    CardDetails read(String terminalId) {
        var number = presented.remove(terminalId);
        if (number == null) {
            number = DEFAULT_CARD;
        }
        // A card-present read carries no security code; the chip proves the card instead.
        return new CardDetails(number, 12, 2099, null, null);
    }
}
