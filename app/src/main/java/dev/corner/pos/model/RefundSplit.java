package dev.corner.pos.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a refund goes: back to the sale's approved card payments first, each up to what is still
 * refundable on it, and the rest in cash from the drawer. A card cannot give back more than it was
 * charged, while cash can always be handed over.
 */
public final class RefundSplit {

    private RefundSplit() {}

    /** What is still refundable on one card payment of the sale. */
    public record CardLeft(int tenderNo, long left) {}

    /** One part of a refund: to a card tender ({@code tenderNo}), or cash ({@code tenderNo} 0). */
    public record Part(int tenderNo, long amount) {
        public boolean cash() {
            return tenderNo == 0;
        }
    }

    public static List<Part> split(long refund, List<CardLeft> cards) {
        var parts = new ArrayList<Part>();
        long due = refund;
        for (var card : cards) {
            long amount = Math.min(due, card.left());
            if (amount > 0) {
                parts.add(new Part(card.tenderNo(), amount));
                due -= amount;
            }
        }
        if (due > 0) {
            parts.add(new Part(0, due));
        }
        return parts;
    }
}
