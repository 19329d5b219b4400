/**
 * The Spring-free model of card payments: {@link dev.corner.payments.model.PaymentIntent} guards its
 * own transitions, and {@link dev.corner.payments.model.CardRules} checks what a card form sends
 * before anything leaves for the gateway.
 */
package dev.corner.payments.model;
