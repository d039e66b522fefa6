package dev.tidesk.workspace;

import dev.tidesk.customer.Customers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization picker's choices (an htmx fragment): the filters of the request list and the
 * reports, and the phone form, ask for the organizations whose name holds what was typed instead of
 * listing every client of the agency in a select.
 */
@Controller
class OrganizationPickerController {

    /** Choices shown at once; typing more narrows them. */
    static final int CHOICES = 12;

    private final Customers customers;

    OrganizationPickerController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping("/desk/organizations/choices")
    String choices(@RequestParam(name = "org-text", defaultValue = "") String text, Model model) {
        String q = text.length() > 200 ? text.substring(0, 200) : text;
        model.addAttribute("choices", customers.organizationChoices(q, CHOICES + 1));
        model.addAttribute("more", CHOICES);
        return "fragments/org-picker :: choices";
    }
}
