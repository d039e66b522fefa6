package dev.tidesk.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findByOrganizationIdOrderByFullName(long organizationId);

    List<Contact> findByOrganizationIdOrderByFullName(long organizationId, Pageable page);

    /**
     * The active contact with this address (one at most); takes the address lower-cased (see
     * {@link OrganizationRepository#findByLowerName}).
     */
    @Query("select c from Contact c where lower(c.email) = ?1 and c.active = true")
    Optional<Contact> findByLowerEmail(String lowerEmail);

    List<Contact> findByOrganizationIdAndActiveTrue(long organizationId);

    @Query("""
            select c from Contact c
            where c.active = true
              and (lower(c.fullName) like lower(concat('%', ?1, '%'))
               or lower(c.email) like lower(concat('%', ?1, '%'))
               or (?2 <> '' and c.phoneDigits like concat('%', ?2, '%')))
            order by c.fullName""")
    List<Contact> search(String text, String digits, Pageable page);
}
