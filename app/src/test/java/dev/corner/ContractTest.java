package dev.corner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the public HTTP contract: a client for the running server and a way to build actors. */
public abstract class ContractTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    protected Api api;
    protected Neighbourhood town;

    @BeforeEach
    void connect() {
        api = new Api(port);
        town = new Neighbourhood(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
