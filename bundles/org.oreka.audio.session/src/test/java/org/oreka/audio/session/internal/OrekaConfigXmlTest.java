package org.oreka.audio.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrekaConfigXmlTest {

    @TempDir
    Path dir;

    @Test
    void sortsTopLevelAndPluginKeysIntoPids() throws IOException {
        Path file = dir.resolve("config.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <CapturePlugin>libvoip.so</CapturePlugin>
                  <StorageAudioFormat>pcmwav</StorageAudioFormat>
                  <TapeProcessors>BatchProcessing, Reporting</TapeProcessors>
                  <TrackerHostname>orktrack.example.com</TrackerHostname>
                  <VoIpPlugin>
                    <Device>eth1</Device>
                    <PcapFilter>udp or tcp port 5060</PcapFilter>
                    <LanMasks>10.255.255.255</LanMasks>
                    <SipExtractFields>X-CallId</SipExtractFields>
                    <SkinnyTcpPort>2000</SkinnyTcpPort>
                  </VoIpPlugin>
                </config>
                """);
        OrekaConfigXml.Import imported = OrekaConfigXml.read(file);
        assertEquals(Map.of("StorageAudioFormat", "pcmwav", "TapeProcessors", "BatchProcessing, Reporting",
                "TrackerHostname", "orktrack.example.com", "LanMasks", "10.255.255.255"), imported.byPid().get("org.oreka.audio"));
        assertEquals(Map.of("Devices", "eth1", "PcapFilter", "udp or tcp port 5060"), imported.byPid().get("org.oreka.audio.capture.live"));
        assertEquals(Map.of("SipExtractFields", "X-CallId"), imported.byPid().get("org.oreka.audio.sip"));
        assertEquals(Map.of("SkinnyTcpPort", "2000"), imported.byPid().get("org.oreka.audio.skinny"));
        assertTrue(imported.ignored().containsKey("CapturePlugin"));
    }

    @Test
    void refusesEntitiesAndReportsBadXml() throws IOException {
        Path evil = dir.resolve("evil.xml");
        Files.writeString(evil, "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><config><ServiceName>&x;</ServiceName></config>");
        assertThrows(IOException.class, () -> OrekaConfigXml.read(evil));
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<config><ServiceName>x</config>");
        IOException e = assertThrows(IOException.class, () -> OrekaConfigXml.read(broken));
        assertTrue(e.getMessage().contains("is not a valid config.xml"), e.getMessage());
    }
}
