package dev.tidesk.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    @Query("select o from Organization o order by o.name")
    List<Organization> findAllOrdered();

    // The caller lower-cases the argument, not the query: Hibernate translates a query with lower(?1)
    // again for every new value, which made these lookups the costliest step of inbound mail.
    @Query("select o from Organization o where lower(o.name) = ?1")
    Optional<Organization> findByLowerName(String lowerName);

    @Query("select o from Organization o where lower(o.emailDomain) = ?1")
    List<Organization> findByLowerEmailDomain(String lowerDomain);
}

interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findByOrganizationIdOrderByFullName(long organizationId);

    /** Takes the address lower-cased (see {@link OrganizationRepository#findByLowerName}). */
    @Query("select c from Contact c where lower(c.email) = ?1")
    Optional<Contact> findByLowerEmail(String lowerEmail);

    @Query("""
            select c from Contact c
            where lower(c.fullName) like lower(concat('%', ?1, '%'))
               or lower(c.email) like lower(concat('%', ?1, '%'))
               or (?2 <> '' and c.phoneDigits like concat('%', ?2, '%'))
            order by c.fullName""")
    List<Contact> search(String text, String digits, Pageable page);
}

interface SiteRepository extends JpaRepository<Site, Long> {

    List<Site> findByOrganizationIdOrderByName(long organizationId);
}
