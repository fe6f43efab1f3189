package io.recollect.accounts;

import io.recollect.plans.PlanFrequency;
import io.recollect.plans.PlanPreview;
import io.recollect.plans.PlanService;
import io.recollect.plans.PlanTerms;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.writeoffs.NewWriteOffRequest;
import io.recollect.writeoffs.WriteOffReason;
import io.recollect.writeoffs.WriteOffService;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page's "Propose a plan" and "Request a write-off": the schedule previewed (htmx)
 * before the plan starts, then the same services as the API and the tasks. Mistakes come back
 * on the account page naming the field, as for the page's other actions.
 */
@Controller
class PlanAndWriteOffActions {

    private static final String DOWN_PAYMENT = "Down payment";
    private static final String INSTALMENTS = "Number of instalments";
    private static final String FREQUENCY = "How often";
    private static final String FIRST_DUE = "First instalment due";
    private static final String INCOME = "Monthly household income";

    private final AccountPages pages;
    private final PlanService plans;
    private final WriteOffService writeOffs;

    PlanAndWriteOffActions(AccountPages pages, PlanService plans, WriteOffService writeOffs) {
        this.pages = pages;
        this.plans = plans;
        this.writeOffs = writeOffs;
    }

    /** The schedule the terms make, to the cent, and what the hardship policy would say: a fragment. */
    @PostMapping("/customers/{id}/payment-plans/preview")
    String preview(@PathVariable UUID id, @RequestParam(required = false) String downPayment,
            @RequestParam(required = false) String instalments, @RequestParam(required = false) String frequency,
            @RequestParam(required = false) String firstDueDate, @RequestParam(required = false) String monthlyIncome,
            Model model, HttpServletResponse response) {
        try {
            PlanPreview preview = plans.preview(id, terms(downPayment, instalments, frequency, firstDueDate, monthlyIncome));
            model.addAttribute("preview", preview);
        } catch (InvalidFieldException mistake) {
            model.addAttribute("previewError", mistake.field() + ": " + mistake.getMessage());
        } catch (AccessDeniedException refused) {
            response.setStatus(403);
            model.addAttribute("previewError", "This customer is worked by a team you are not in.");
        } catch (io.recollect.rules.NoMatchingRuleException gap) {
            model.addAttribute("previewError", "No row of the hardship-policy table covers these terms yet;"
                    + " ask a collection manager");
        } catch (BusinessRuleException rule) {
            // htmx swaps 2xx answers only: the words are the answer here, the submit checks again
            model.addAttribute("previewError", rule.getMessage());
        }
        return "accounts/propose-plan :: preview";
    }

    @PostMapping("/customers/{id}/payment-plans")
    String propose(@PathVariable UUID id, @RequestParam(required = false) String downPayment,
            @RequestParam(required = false) String instalments, @RequestParam(required = false) String frequency,
            @RequestParam(required = false) String firstDueDate, @RequestParam(required = false) String monthlyIncome,
            RedirectAttributes flash, Model model, HttpServletResponse response) {
        return pages.act(id, flash, model, response, "Payment plan proposed; the hardship policy decides next.",
                () -> plans.proposeNow(id, terms(downPayment, instalments, frequency, firstDueDate, monthlyIncome),
                        Actors.current()));
    }

    @PostMapping("/customers/{id}/write-off-requests")
    String requestWriteOff(@PathVariable UUID id, @RequestParam(required = false) String writeOffReason,
            @RequestParam(name = "writeOffInvoice", required = false) List<String> invoices,
            @RequestParam(required = false) String writeOffNote, RedirectAttributes flash, Model model,
            HttpServletResponse response) {
        return pages.act(id, flash, model, response, "Write-off requested; someone else approves it.", () -> {
            WriteOffReason reason = choice("Reason for the write-off", WriteOffReason.class, writeOffReason);
            if (invoices == null || invoices.isEmpty()) {
                throw new InvalidFieldException("Invoices to write off", "choose at least one invoice");
            }
            String note = writeOffNote == null || writeOffNote.isBlank() ? null : writeOffNote.trim();
            if (note != null && note.length() > 2000) {
                throw new InvalidFieldException("Note", "may be at most 2000 characters");
            }
            writeOffs.request(id, new NewWriteOffRequest(reason, note, invoices.stream()
                    .map(number -> new NewWriteOffRequest.Item(number, null)).toList()), Actors.current());
        });
    }

    private static PlanTerms terms(String downPayment, String instalments, String frequency, String firstDueDate,
            String monthlyIncome) {
        return new PlanTerms(amount(DOWN_PAYMENT, downPayment), whole(INSTALMENTS, instalments),
                choice(FREQUENCY, PlanFrequency.class, frequency), date(FIRST_DUE, firstDueDate),
                positive(INCOME, amount(INCOME, monthlyIncome)));
    }

    private static BigDecimal amount(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 20) {
            throw new InvalidFieldException(field, "must be an amount such as 150.00");
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip().replace(",", ""));
            if (amount.signum() < 0) {
                throw new InvalidFieldException(field, "cannot be negative");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be an amount such as 150.00");
        }
    }

    private static BigDecimal positive(String field, BigDecimal amount) {
        if (amount != null && amount.signum() == 0) {
            throw new InvalidFieldException(field, "must be more than zero, or left empty when not declared");
        }
        return amount;
    }

    private static int whole(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be a whole number such as 6");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date such as 2026-03-31");
        }
    }

    private static <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "is not one of the choices"));
    }
}
