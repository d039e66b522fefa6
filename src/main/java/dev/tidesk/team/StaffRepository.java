package dev.tidesk.team;

import dev.tidesk.identity.Role;
import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface StaffRepository extends JpaRepository<Staff, Long> {

    @Query("select s from Staff s where s.active = true order by s.fullName")
    List<Staff> findActive();

    /**
     * The ids alone, for each request that opens (the shared "new request" notice): no entity is
     * loaded, and the query flushes nothing, since no caller changes staff in the same transaction.
     */
    @Query("select s.id from Staff s where s.active = true and s.role = ?1 and s.availability <> ?2 order by s.id")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    List<Long> findActiveIds(Role role, Availability except);

    @Query("select s from Staff s where s.active = false order by s.fullName")
    List<Staff> findInactive();

    /**
     * Takes the address lower-cased: with lower(?1) in the query Hibernate would translate it again
     * for every new value.
     */
    @Query("select s from Staff s where lower(s.email) = ?1")
    Optional<Staff> findByLowerEmail(String lowerEmail);

    /**
     * Which of the addresses are colleagues', asked once for the addresses of every inbound mail. It
     * flushes nothing first: the mail's transaction never changes staff, and Hibernate's automatic
     * flush before a query dirty-checks every entity that transaction holds.
     */
    @Query("select lower(s.email) from Staff s where lower(s.email) in ?1")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    List<String> findLowerEmailsIn(Collection<String> lowerEmails);
}
