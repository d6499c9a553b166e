package org.oreka.audio.session.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.oreka.audio.session.internal.RecorderCore;
import org.oreka.sdk.capture.CaptureSource;
import org.oreka.sdk.capture.CaptureStatistics;

/** {@code oreka:captures}: every capture source with its counters, and what the recorder made of the packets. */
@Service
@Command(scope = "oreka", name = "captures", description = "Lists the capture sources with their received and dropped counts")
public class CapturesCommand implements Action {

    @Reference
    RecorderCore recorder;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Source", "Running", "Received", "Dropped", "If dropped", "Last error"}) {
            table.column(column);
        }
        for (CaptureSource source : recorder.captureSources()) {
            CaptureStatistics s = source.statistics();
            table.addRow().addContent(s.source(), s.running() ? "yes" : "no", s.received(), s.dropped(),
                    s.interfaceDropped(), s.lastError());
        }
        table.print(System.out);
        System.out.println(recorder.countersLine());
        return null;
    }
}
