package org.oreka.audio.chain.internal.command;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.oreka.audio.chain.ChainedTape;
import org.oreka.audio.chain.TapeChain;

/** {@code oreka:tapes}: the tapes in the processor chain (default, or {@code --pending}) or those that failed. */
@Service
@Command(scope = "oreka", name = "tapes", description = "Lists tapes in the tape-processor chain, or those a processor gave up on")
public class TapesCommand implements Action {

    @Reference
    TapeChain chain;

    @Option(name = "--pending", description = "List tapes still in the chain (the default)")
    boolean pendingOnly;

    @Option(name = "--failed", description = "List tapes a processor gave up on")
    boolean failed;

    @Option(name = "--retry", description = "Put the failed tape with this orkuid back into the chain")
    String retry;

    @Override
    public Object execute() throws Exception {
        if (retry != null) {
            System.out.println(chain.retry(retry) ? "Tape " + retry + " is back in the chain" : "No failed tape " + retry);
            return null;
        }
        List<ChainedTape> tapes = failed ? chain.failed() : chain.pending();
        ShellTable table = new ShellTable();
        table.column("Orkuid");
        table.column("Step");
        table.column("State");
        table.column("Attempts");
        table.column("Submitted");
        table.column("File");
        for (ChainedTape tape : tapes) {
            table.addRow().addContent(tape.tape().orkuid, tape.step(), tape.state(), tape.attempts(),
                    Instant.ofEpochMilli(tape.submittedMillis()).toString(), tape.tape().file);
        }
        table.print(System.out);
        return null;
    }
}
