package dev.corner;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A full-application test on a random port. Every test that uses it shares one Spring context and
 * one database: the embedded PostgreSQL, or the server named by {@code CORNER_DB_URL}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "corner.data-dir=target/test-data",
            "corner.embedded-db.fsync=false",
            "corner.embedded-db.clean=true",
            "corner.operator.email=operator@test.corner.dev",
            "corner.operator.password=operator-password",
            "corner.payments.simulated.slow-delay=400ms",
            "corner.orders.expiry-check=1s",
            "corner.devices.heartbeat-check=1s",
            // A free port for the embedded MQTT broker, so builds side by side do not clash.
            "corner.mqtt.embedded.port=0",
            "corner.mqtt.embedded.host=127.0.0.1"
        })
@Import(CornerTest.Clocks.class)
public @interface CornerTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        TestClock clock() {
            return new TestClock();
        }

        /** A real SMTP server in the test JVM on a free port; Corner's mail goes there. */
        @Bean(destroyMethod = "stop")
        GreenMail smtp() {
            var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
            return smtp;
        }

        @Bean
        JavaMailSenderImpl mailSender(GreenMail smtp) {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            return sender;
        }
    }
}
