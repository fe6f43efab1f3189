package io.recollect.writeoffs;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** write-off: posts the approved write-off named by the business key; the service decides what, not a variable. */
@Component("postWriteOff")
class PostWriteOff implements JavaDelegate {

    private final WriteOffService writeOffs;

    PostWriteOff(WriteOffService writeOffs) {
        this.writeOffs = writeOffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        writeOffs.post(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
