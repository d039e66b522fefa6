package dev.tidesk.system;

import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Russian by default, English with {@code ?lang=en} (kept in a cookie); scheduled jobs run on one node. */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT45S")
class WebConfiguration implements WebMvcConfigurer {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tidesk-lang");
        resolver.setDefaultLocale(RUSSIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new InputGuard());
    }

    /**
     * Job locks are kept alive while their job runs, so a long run is never taken over by another
     * node while it is alive, and held for at least the job's period, so that it runs once per
     * period whatever the number of nodes ({@link JobLocks}). A node killed mid-job holds its lock
     * for one period of the job and at least 45 s.
     */
    @Bean(destroyMethod = "close")
    JobLocks lockProvider(
            DataSource dataSource,
            @org.springframework.beans.factory.annotation.Value("${tidesk.scheduling.enabled:true}")
                    boolean scheduled) {
        return new JobLocks(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()),
                scheduled);
    }
}
