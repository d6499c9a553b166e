package org.oreka.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandRequestTest {

    @Test
    void takesTheNameFromTheFirstNameKeyPresent() {
        InetAddress client = InetAddress.getLoopbackAddress();
        assertEquals("ping", CommandRequest.parse("cmd=PING", client, "cmd", "type", "class").name());
        assertEquals("tape", CommandRequest.parse("type=tape&recid=x", client, "cmd", "type", "class").name());
        assertEquals("", CommandRequest.parse("recid=x", client, "cmd", "type").name());
        assertEquals("", CommandRequest.parse(null, client, "cmd").name());
    }

    @Test
    void keepsRepeatedParametersAndDecodesValues() {
        CommandRequest request = CommandRequest.parse("cmd=addtag&tagentry=CustomerNo%3A1234&TagEntry=AgentID:3001&x&=y",
                InetAddress.getLoopbackAddress(), "cmd");
        assertEquals(List.of("CustomerNo:1234", "AgentID:3001"), request.all("tagentry"));
        assertTrue(request.has("x"));
        assertEquals("", request.get("x", "?"));
        assertFalse(request.has("y"));
        assertEquals(Map.of("cmd", "addtag", "tagentry", "CustomerNo:1234", "x", ""), request.firstValues());
    }

    @Test
    void dispatchesToTheHighestRankedCommandAndContainsFailures() {
        CommandDispatcher dispatcher = new CommandDispatcher("test");
        Command low = r -> CommandResponse.success("r", "low");
        Command high = r -> CommandResponse.success("r", "high");
        Command broken = r -> {
            throw new IllegalStateException("boom");
        };
        dispatcher.bind(low, Map.of(Command.PROPERTY_NAME, "ping"));
        dispatcher.bind(high, Map.of(Command.PROPERTY_NAME, "Ping", "service.ranking", 5));
        dispatcher.bind(broken, Map.of(Command.PROPERTY_NAME, "broken"));
        InetAddress client = InetAddress.getLoopbackAddress();

        assertEquals("high", dispatcher.dispatch(CommandRequest.parse("type=ping", client, "type"), "r").get().comment());
        dispatcher.unbind(high, Map.of(Command.PROPERTY_NAME, "Ping"));
        assertEquals("low", dispatcher.dispatch(CommandRequest.parse("type=ping", client, "type"), "r").get().comment());
        CommandResponse failed = dispatcher.dispatch(CommandRequest.parse("type=broken", client, "type"), "r").get();
        assertFalse(failed.success());
        assertEquals("internal error in command broken: IllegalStateException", failed.comment());
        assertTrue(dispatcher.dispatch(CommandRequest.parse("type=nope", client, "type"), "r").isEmpty());
        assertEquals(List.of("broken", "ping"), dispatcher.names());
    }
}
