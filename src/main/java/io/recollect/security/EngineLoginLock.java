package io.recollect.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Turns off the engine's own login lock. It locks a user for good after ten wrong passwords,
 * which anyone could do to any known user id, and its waits refuse the owner too; the
 * {@link LoginThrottle} in front of it slows guessing instead, with waits that always end.
 */
@Component
class EngineLoginLock extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        // no wait after a failure: a wait of base * factor^attempts seconds, with base 0, is none
        configuration.setLoginDelayBase(0);
    }
}
