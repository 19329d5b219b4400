package dev.corner.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatedGatewayIdsTest {

    @Test
    void anAuthorizationIdNeverLooksLikeACardNumber() {
        for (int i = 0; i < 200_000; i++) {
            var id = SimulatedGateway.authorizationId();
            assertThat(id)
                    .startsWith("simauth_")
                    .doesNotContainPattern("[0-9]{9}")
                    .hasSize(8 + 22);
        }
    }
}
