package org.oreka.audio.session.internal.command;

import java.nio.file.Path;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.oreka.audio.session.internal.RecorderCore;
import org.oreka.sdk.tape.SessionDTO;

/** {@code oreka:replay}: runs a capture file or folder through the recorder and reports the calls it recorded. */
@Service
@Command(scope = "oreka", name = "replay", description = "Replays a pcap/pcapng file, or every capture in a folder, through the recorder; returns when its recordings are through the tape-processor chain")
public class ReplayCommand implements Action {

    @Reference
    RecorderCore recorder;

    @Argument(index = 0, name = "capture", description = "A capture file or a folder of captures", required = true)
    @Completion(FileCompleter.class)
    String capture;

    @Option(name = "--no-wait", description = "Return when the capture is read, without waiting for the chain")
    boolean noWait;

    @Option(name = "--timeout", description = "Seconds to wait for the chain at most (default 600)")
    int timeoutSeconds = 600;

    @Override
    public Object execute() throws Exception {
        var result = recorder.replay(Path.of(capture), !noWait, timeoutSeconds * 1000L, System.out);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Orkuid", "Protocol", "Local", "Remote", "Dir", "Start", "Side 1", "Side 2", "Call-ID"}) {
            table.column(column);
        }
        for (SessionDTO s : result.recordings()) {
            table.addRow().addContent(s.orkuid, s.protocol, s.localParty, s.remoteParty, s.direction,
                    Instant.ofEpochMilli(s.startMillis).toString(), s.side1Packets, s.side2Packets, s.nativeCallId);
        }
        table.print(System.out);
        var c = result.counters();
        System.out.printf("%d packets read: %d RTP, %d signalling, %d other%n", result.frames(), c.rtpPackets,
                c.signallingPackets, c.otherPackets + (result.frames() - c.packets));
        System.out.printf("%d calls, %d recordings, %d DTMF digits%n", c.calls, c.recordings, c.dtmfDigits);
        for (String problem : result.problems()) {
            System.out.println("problem: " + problem);
        }
        return null;
    }
}
