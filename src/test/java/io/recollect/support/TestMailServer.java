package io.recollect.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a port chosen once, so a test
 * may stop and start it to play an SMTP outage.
 */
public final class TestMailServer {

    private static final GreenMail SERVER = start();

    private TestMailServer() {
    }

    public static GreenMail get() {
        return SERVER;
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
