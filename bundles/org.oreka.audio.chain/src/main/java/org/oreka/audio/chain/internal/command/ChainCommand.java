package org.oreka.audio.chain.internal.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.oreka.audio.chain.ChainedTape;
import org.oreka.audio.chain.TapeChain;

/** {@code oreka:chain}: the processors of {@code TapeProcessors} in order, whether each is installed, and its tapes. */
@Service
@Command(scope = "oreka", name = "chain", description = "Shows the tape-processor chain: each processor in order, whether it is installed, and how many tapes wait for it")
public class ChainCommand implements Action {

    @Reference
    TapeChain chain;

    @Override
    public Object execute() {
        List<ChainedTape> pending = chain.pending();
        ShellTable table = new ShellTable();
        table.column("#");
        table.column("Processor");
        table.column("Installed");
        table.column("Tapes");
        int position = 1;
        for (String name : chain.processorNames()) {
            long tapes = pending.stream().filter(t -> t.step().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).count();
            table.addRow().addContent(position++, name, chain.isAvailable(name) ? "yes" : "NO", tapes);
        }
        table.print(System.out);
        System.out.println("Audio root: " + chain.audioRoot());
        return null;
    }
}
