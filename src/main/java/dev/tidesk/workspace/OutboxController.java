package dev.tidesk.workspace;

import dev.tidesk.mail.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Admins read what clients were (or will be) sent. */
@Controller
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/desk/admin/outbox")
    String list(Model model) {
        model.addAttribute("mails", outbox.recent(200));
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("sending", outbox.sending());
        return "workspace/admin/outbox";
    }

    @GetMapping("/desk/admin/outbox/{id}")
    String mail(@PathVariable long id, Model model) {
        model.addAttribute("mail", outbox.mail(id));
        return "workspace/admin/outbox-mail";
    }

    @PostMapping("/desk/admin/outbox/{id}/retry")
    String retry(@PathVariable long id) {
        outbox.retry(id);
        return "redirect:/desk/admin/outbox/" + id;
    }
}
