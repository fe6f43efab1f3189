package io.recollect.dunning;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders emails (and the invoice document) from Thymeleaf templates in the customer's language.
 * English templates live at {@code templates/<kind>/<template>.html}, every other language under
 * {@code templates/<kind>/<language>/}; a language (of a tag such as {@code es-MX}) without its
 * own template reads English. Subjects come from {@code messages[_<language>].properties} as
 * {@code mail.<template>.subject}. Every email that asks for money gets the payment instructions.
 */
@Component
class MailRenderer {

    static final Locale ENGLISH = Locale.ENGLISH;

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ResourceLoader resources;
    private final PaymentInstructions payment;
    private final Map<String, Boolean> translated = new ConcurrentHashMap<>();

    MailRenderer(ITemplateEngine templates, MessageSource messages, ResourceLoader resources,
            PaymentInstructions payment) {
        this.templates = templates;
        this.messages = messages;
        this.resources = resources;
        this.payment = payment;
    }

    RenderedMail render(String template, String language, Object[] subjectArgs, Map<String, Object> model) {
        Locale locale = locale("mail", template, language);
        String subject = messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
        String html = page("mail", template, locale, model);
        return new RenderedMail(subject, html, MailText.of(html));
    }

    /** The HTML of a page under {@code templates/<kind>/} in the language the customer reads. */
    String page(String kind, String template, String language, Map<String, Object> model) {
        return page(kind, template, locale(kind, template, language), model);
    }

    private String page(String kind, String template, Locale locale, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("payment", payment);
        String path = locale.equals(ENGLISH) ? kind + "/" + template : kind + "/" + locale.getLanguage() + "/" + template;
        return templates.process(path, new Context(locale, variables));
    }

    /** The customer's language when its letter exists, else English. */
    Locale locale(String kind, String template, String language) {
        String code = language == null ? "" : Locale.forLanguageTag(language).getLanguage();
        if (code.isEmpty() || code.equals(ENGLISH.getLanguage())) {
            return ENGLISH;
        }
        boolean exists = translated.computeIfAbsent(kind + "/" + code + "/" + template,
                path -> resources.getResource("classpath:templates/" + path + ".html").exists());
        return exists ? new Locale(code) : ENGLISH;
    }
}
