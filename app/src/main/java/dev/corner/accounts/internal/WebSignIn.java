package dev.corner.accounts.internal;

import dev.corner.common.Caller;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The web apps' form sign-in, checked against the same accounts as the API. */
@Component
class WebSignIn implements UserDetailsService {

    private final AccountRecords records;

    WebSignIn(AccountRecords records) {
        this.records = records;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return records.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .map(account -> new SignedInUser(account.caller(), account.email(), account.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** A web session's user; carries the caller so controllers see the same principal as the API. */
    static final class SignedInUser extends User {
        private final Caller caller;

        SignedInUser(Caller caller, String email, String passwordHash) {
            super(email, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role())));
            this.caller = caller;
        }

        Caller caller() {
            return caller;
        }
    }
}
