package org.oreka.audio.session.internal.command;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.oreka.audio.session.LiveSessions;
import org.oreka.sdk.tape.SessionDTO;

/** {@code oreka:sessions}: the calls the recorder follows right now. */
@Service
@Command(scope = "oreka", name = "sessions", description = "Lists the calls the recorder follows right now")
public class SessionsCommand implements Action {

    @Reference
    LiveSessions recorder;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Orkuid", "Protocol", "Local", "Remote", "Dir", "Started", "Side 1", "Side 2",
            "Hold", "Paused", "Call-ID"}) {
            table.column(column);
        }
        for (SessionDTO s : recorder.sessions()) {
            table.addRow().addContent(s.orkuid, s.protocol, s.localParty, s.remoteParty, s.direction,
                    Instant.ofEpochMilli(s.startMillis).toString(), s.side1Packets, s.side2Packets, s.onHold ? "yes" : "",
                    s.paused ? "yes" : "", s.nativeCallId);
        }
        table.print(System.out);
        return null;
    }
}
