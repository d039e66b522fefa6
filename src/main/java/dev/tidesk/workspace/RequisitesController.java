package dev.tidesk.workspace;

import dev.tidesk.audit.AuditAction;
import dev.tidesk.audit.AuditLog;
import dev.tidesk.contract.ledger.Agency;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.Requisites;
import dev.tidesk.system.FlashMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's requisites (Администрирование → Реквизиты), which every monthly акт names as the
 * Исполнитель: the admin's. Its name and ИНН are required; a form that cannot be saved comes back
 * with what was typed and why (422).
 */
@Controller
class RequisitesController {

    private final Agency agency;
    private final MessageSource messages;
    private final FlashMessages flashes;
    private final AuditLog audit;

    RequisitesController(Agency agency, MessageSource messages, FlashMessages flashes, AuditLog audit) {
        this.audit = audit;
        this.agency = agency;
        this.messages = messages;
        this.flashes = flashes;
    }

    @GetMapping("/desk/admin/requisites")
    String requisites(Model model) {
        if (!model.containsAttribute("requisites")) {
            model.addAttribute("requisites", agency.requisites());
        }
        return "workspace/admin/requisites";
    }

    @PostMapping("/desk/admin/requisites")
    String save(
            @AuthenticationPrincipal TideskUser me,
            @Validated @ModelAttribute RequisitesForm requisitesForm,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (requisitesForm.requisites().legalName() == null) {
            errors.rejectValue("legalName", "NotBlank");
        }
        if (requisitesForm.requisites().inn() == null && !errors.hasFieldErrors("inn")) {
            errors.rejectValue("inn", "NotBlank");
        }
        List<String> problems = FormErrors.of(errors, messages, "requisites.field");
        if (!problems.isEmpty()) {
            model.addAttribute("requisites", requisitesForm);
            model.addAttribute("requisitesErrors", problems);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return requisites(model);
        }
        Requisites saved = agency.change(requisitesForm.requisites(), me.displayName());
        audit.record(AuditAction.REQUISITES_CHANGED, "agency", saved.legalName() + ", ИНН " + saved.inn());
        flashes.notice(redirect, "requisites.saved");
        return "redirect:/desk/admin/requisites";
    }
}
