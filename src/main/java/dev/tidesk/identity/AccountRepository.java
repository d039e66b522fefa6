package dev.tidesk.identity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    @Query("select a from Account a where lower(a.login) = lower(?1)")
    Optional<Account> findByLogin(String login);

    boolean existsByRole(Role role);

    long countByRoleAndEnabledTrue(Role role);

    Optional<Account> findByStaffId(Long staffId);

    Optional<Account> findByContactId(Long contactId);
}
