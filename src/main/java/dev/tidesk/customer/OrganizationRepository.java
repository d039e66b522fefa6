package dev.tidesk.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    @Query("select o from Organization o order by o.name")
    List<Organization> findAllOrdered();

    @Query("select new dev.tidesk.customer.OrganizationChoice(o.id, o.name) from Organization o order by o.name")
    List<OrganizationChoice> findChoices();

    /** {@code pattern} is a lower-case LIKE pattern with {@code \\} as its escape character. */
    @Query("""
            select new dev.tidesk.customer.OrganizationChoice(o.id, o.name) from Organization o
            where lower(o.name) like :pattern escape '\\' order by o.active desc, o.name""")
    List<OrganizationChoice> findChoicesNamed(String pattern, org.springframework.data.domain.Pageable page);

    // The caller lower-cases the argument, not the query: Hibernate translates a query with lower(?1)
    // again for every new value, which made these lookups the costliest step of inbound mail.
    @Query("select o from Organization o where lower(o.name) = ?1")
    Optional<Organization> findByLowerName(String lowerName);

    @Query("select o from Organization o where lower(o.emailDomain) = ?1")
    List<Organization> findByLowerEmailDomain(String lowerDomain);
}
