package dev.tidesk.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    @Query("select o from Organization o order by o.name")
    List<Organization> findAllOrdered();

    @Query("select o from Organization o where lower(o.name) = lower(?1)")
    Optional<Organization> findByName(String name);

    @Query("select o from Organization o where lower(o.emailDomain) = lower(?1)")
    List<Organization> findByEmailDomain(String domain);
}

interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findByOrganizationIdOrderByFullName(long organizationId);

    @Query("select c from Contact c where lower(c.email) = lower(?1)")
    Optional<Contact> findByEmail(String email);

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
