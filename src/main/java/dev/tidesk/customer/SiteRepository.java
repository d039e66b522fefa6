package dev.tidesk.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SiteRepository extends JpaRepository<Site, Long> {

    List<Site> findByOrganizationIdOrderByName(long organizationId);
}
