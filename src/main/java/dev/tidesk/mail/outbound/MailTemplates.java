package dev.tidesk.mail.outbound;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * Renders notification mails from {@code templates/mail/<name>.html} and
 * {@code templates/mail/text/<name>.txt}, in the recipient's language; subjects come from the
 * message bundles.
 */
@Component
public class MailTemplates {

    private final TemplateEngine engine;
    private final MessageSource messages;

    MailTemplates(TemplateEngine engine, MessageSource messages) {
        this.engine = engine;
        this.messages = messages;
    }

    public RenderedMail render(
            String name, Locale locale, Map<String, Object> variables, String subjectKey, Object... subjectArgs) {
        Context context = new Context(locale, variables);
        String subject = messages.getMessage(subjectKey, subjectArgs, locale);
        context.setVariable("subject", subject);
        String html = engine.process("mail/" + name, context);
        String text = engine.process("mail/text/" + name, context);
        return new RenderedMail(subject, text, html);
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Configuration(proxyBeanMethods = false)
    static class TextTemplates {

        @Bean
        ITemplateResolver mailTextTemplateResolver() {
            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
            resolver.setSuffix(".txt");
            resolver.setTemplateMode(TemplateMode.TEXT);
            resolver.setCharacterEncoding("UTF-8");
            resolver.setResolvablePatterns(java.util.Set.of("mail/text/*"));
            resolver.setOrder(1);
            resolver.setCheckExistence(true);
            return resolver;
        }
    }
}
