package dev.tidesk.team;

import dev.tidesk.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who speaks to clients. The seed: "Задачи специалистам ставит сотрудник техподдержки на основании
 * обращений клиента": support replies to the client, specialists work behind it and write internal
 * notes. An installation may let specialists reply ({@code tidesk.team.specialists-reply=true}).
 * The rule holds on every way a reply is written: the request page and mail from staff.
 */
@Component
public class ClientContact {

    private final boolean specialistsReply;

    ClientContact(@Value("${tidesk.team.specialists-reply:false}") boolean specialistsReply) {
        this.specialistsReply = specialistsReply;
    }

    /** Whether someone in this role may send a reply to the client. */
    public boolean mayReply(Role role) {
        return role != Role.SPECIALIST || specialistsReply;
    }
}
