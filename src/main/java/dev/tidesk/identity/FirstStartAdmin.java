package dev.tidesk.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** On the very first start, creates the {@code admin} login with a random password printed once. */
@Component
@Order(0)
class FirstStartAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    private final Clock clock;

    FirstStartAdmin(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.existsByRole(Role.ADMIN)) {
            return;
        }
        String password = randomPassword(16);
        accounts.save(new Account(
                "admin", passwordEncoder.encode(password), "Administrator", Role.ADMIN, "ru", Instant.now(clock)));
        log.warn("""

                ==========================================================
                 Tidesk first start: administrator account created
                   login:    admin
                   password: {}
                 It is shown only this once. Sign in at /desk/login.
                ==========================================================""", password);
    }

    static String randomPassword(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
