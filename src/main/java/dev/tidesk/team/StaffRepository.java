package dev.tidesk.team;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffRepository extends JpaRepository<Staff, Long> {

    @Query("select s from Staff s where s.active = true order by s.fullName")
    List<Staff> findActive();

    @Query("select s from Staff s where s.active = false order by s.fullName")
    List<Staff> findInactive();

    /**
     * Takes the address lower-cased: with lower(?1) in the query Hibernate would translate it again
     * for every new value.
     */
    @Query("select s from Staff s where lower(s.email) = ?1")
    Optional<Staff> findByLowerEmail(String lowerEmail);
}
