package dev.tidesk.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC). Each request loads the session row and writes back
 * what it changed; two requests of one session at once (two tabs, or two nodes behind a load
 * balancer) may both add the same attribute, such as the flash message of a redirect. A plain
 * insert of the second failed on the attribute's key and the page answered 500 after its change
 * had committed; PostgreSQL's upsert keeps the later value instead.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
