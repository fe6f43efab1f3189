package io.recollect.reconciliation;

import io.recollect.imports.ImportService;
import io.recollect.payments.PaymentService;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.NotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Finance's page: upload the morning's statement and watch it import, match what waits, fix what
 * the inconsistencies report finds, refund or reallocate credit. Every refusal comes back as a
 * sentence on the page; the services check the role again.
 */
@Controller
@RequestMapping("/finance")
class FinancePage {

    private static final int SHOWN = 200;

    private final StatementUploads uploads;
    private final BankStatementService statements;
    private final FinanceWork work;
    private final InconsistencyReport inconsistencies;
    private final PaymentService payments;
    private final ImportService history;

    FinancePage(StatementUploads uploads, BankStatementService statements, FinanceWork work,
            InconsistencyReport inconsistencies, PaymentService payments, ImportService history) {
        this.history = history;
        this.uploads = uploads;
        this.statements = statements;
        this.work = work;
        this.inconsistencies = inconsistencies;
        this.payments = payments;
    }

    @GetMapping
    String page(@RequestParam(name = "upload", required = false) UUID upload, Model model) {
        if (upload != null) {
            try {
                model.addAttribute("progress", uploads.progress(upload));
            } catch (NotFoundException unknown) {
                model.addAttribute("failure", "That upload is not known here.");
            }
        }
        model.addAttribute("imports", uploads.recent());
        model.addAttribute("waiting", work.waitingLines(SHOWN));
        model.addAttribute("inconsistencies", inconsistencies.find());
        model.addAttribute("credits", work.unappliedCredit(SHOWN));
        model.addAttribute("formats", StatementFormat.values());
        // History imports are admins' and integrations' work; finance sees only its statements.
        if (CurrentUser.get().map(user -> user.inAny(Roles.ADMIN)).orElse(false)) {
            model.addAttribute("historyImports", history.recent());
        }
        return "reconciliation/finance";
    }

    /** The polled part: while the upload runs, itself again; once it ends, the whole page reloads with the result. */
    @GetMapping("/statements/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        ImportProgress progress = uploads.progress(id);
        if (!progress.running()) {
            response.setHeader("HX-Redirect", "/finance?upload=" + id);
        }
        model.addAttribute("progress", progress);
        return "reconciliation/finance :: progress";
    }

    @PostMapping("/statements")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "onBadLines", defaultValue = "REFUSE_FILE") String onBadLines,
            @RequestParam(name = "currency", required = false) String currency,
            @RequestParam(name = "lineIdColumn", required = false) String lineIdColumn,
            @RequestParam(name = "bookedOnColumn", required = false) String bookedOnColumn,
            @RequestParam(name = "amountColumn", required = false) String amountColumn,
            @RequestParam(name = "currencyColumn", required = false) String currencyColumn,
            @RequestParam(name = "referenceColumn", required = false) String referenceColumn,
            @RequestParam(name = "payerNameColumn", required = false) String payerNameColumn,
            @RequestParam(name = "payerIbanColumn", required = false) String payerIbanColumn,
            @RequestParam(name = "delimiter", required = false) String delimiter, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("failure", "Choose a statement file to upload; the one chosen is empty.");
            return "redirect:/finance";
        }
        StatementFormat chosen = format == null || format.isBlank() ? null : enumOf(StatementFormat.class, format);
        BadLinePolicy policy = enumOf(BadLinePolicy.class, onBadLines);
        if ((format != null && !format.isBlank() && chosen == null) || policy == null) {
            redirect.addFlashAttribute("failure", "Choose the statement's format and what to do with bad lines from"
                    + " the lists.");
            return "redirect:/finance";
        }
        UUID id = uploads.start(new BankStatementService.Upload(file.getOriginalFilename(), file.getBytes(), chosen,
                CsvColumns.of(lineIdColumn, bookedOnColumn, amountColumn, currencyColumn, referenceColumn,
                        payerNameColumn, payerIbanColumn, delimiter), currency, policy));
        return "redirect:/finance?upload=" + id;
    }

    @PostMapping("/lines/{lineId}/match")
    String match(@PathVariable String lineId, @RequestParam(name = "suggestion", required = false) String suggestion,
            @RequestParam(name = "invoiceNumber", required = false) String invoiceNumber, RedirectAttributes redirect) {
        String number = invoiceNumber != null && !invoiceNumber.isBlank() ? invoiceNumber.trim()
                : suggestion == null ? "" : suggestion.trim();
        if (number.isEmpty()) {
            redirect.addFlashAttribute("failure", "Bank line " + lineId + ": choose a suggestion or type the invoice"
                    + " number it pays.");
            return "redirect:/finance#waiting-heading";
        }
        return act(redirect, "#waiting-heading", () -> {
            ImportReport.LineResult result = statements.matchByHand(lineId, number);
            return "Bank line " + lineId + " is matched to invoice " + result.invoiceNumber() + " and the payment"
                    + " recorded.";
        });
    }

    @PostMapping("/payments/{id}/refund")
    String refund(@PathVariable UUID id, @RequestParam(name = "amount", required = false) String amount,
            @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, "#credit-heading", () -> {
            payments.refund(id, amount(amount), required(reason, "Say why the credit is refunded."));
            return "Refunded " + amount(amount).toPlainString() + " of the payment's credit.";
        });
    }

    @PostMapping("/payments/{id}/reallocation")
    String reallocate(@PathVariable UUID id, @RequestParam(name = "invoiceNumber", required = false) String invoiceNumber,
            @RequestParam(name = "amount", required = false) String amount, RedirectAttributes redirect) {
        return act(redirect, "#credit-heading", () -> {
            String number = required(invoiceNumber, "Type the number of the invoice the credit should pay.");
            payments.reallocate(id, number, amount(amount));
            return "Applied " + amount(amount).toPlainString() + " of the credit to invoice " + number + ".";
        });
    }

    @PostMapping("/payments/{id}/reversal")
    String reverse(@PathVariable UUID id, @RequestParam(name = "reason", required = false) String reason,
            RedirectAttributes redirect) {
        return act(redirect, "#inconsistencies-heading", () -> {
            payments.reverse(id, required(reason, "Say why the payment is reversed."));
            return "The payment is reversed: what it paid is owed again.";
        });
    }

    /** Runs an action and says how it went in a sentence on the page. */
    private static String act(RedirectAttributes redirect, String anchor, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (BusinessRuleException | NotFoundException refused) {
            redirect.addFlashAttribute("failure", refused.getMessage());
        } catch (InvalidFieldException invalid) {
            redirect.addFlashAttribute("failure", "The " + invalid.field() + " " + invalid.getMessage() + ".");
        }
        return "redirect:/finance" + anchor;
    }

    private static BigDecimal amount(String text) {
        try {
            BigDecimal amount = new BigDecimal(text == null ? "" : text.trim());
            if (amount.signum() <= 0) {
                throw new InvalidFieldException("amount", "must be more than zero");
            }
            return amount;
        } catch (NumberFormatException notANumber) {
            throw new InvalidFieldException("amount", "must be a number such as 125.50");
        }
    }

    private static String required(String text, String otherwise) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("field-required", otherwise);
        }
        return text.trim().substring(0, Math.min(500, text.trim().length()));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
