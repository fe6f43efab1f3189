package io.recollect.dunning;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders emails from Thymeleaf templates under {@code templates/mail/}; subjects come from
 * {@code messages.properties} as {@code mail.<template>.subject}, in the customer's language.
 */
@Component
class MailRenderer {

    private final ITemplateEngine templates;
    private final MessageSource messages;

    MailRenderer(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    RenderedMail render(String template, String language, Object[] subjectArgs, Map<String, Object> model) {
        Locale locale = Locale.forLanguageTag(language);
        String subject = messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
        String body = templates.process("mail/" + template, new Context(locale, model));
        return new RenderedMail(subject, body);
    }
}
