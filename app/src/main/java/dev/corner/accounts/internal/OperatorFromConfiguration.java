package dev.corner.accounts.internal;

import dev.corner.accounts.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Operators cannot sign up; the one named in configuration is created (or its password reset) at start. */
@Component
class OperatorFromConfiguration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorFromConfiguration.class);

    private final Accounts accounts;
    private final String email;
    private final String password;

    OperatorFromConfiguration(
            Accounts accounts,
            @Value("${corner.operator.email:}") String email,
            @Value("${corner.operator.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            accounts.openOrUpdateOperator(email, password);
            log.info("Operator account {} is ready", email);
        }
    }
}
