package io.recollect.audit.internal;

import io.recollect.audit.CustomerTeams;
import io.recollect.security.Roles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * With team scoping on, a task for collectors about a customer of a team is offered to that team
 * instead ({@code team-<name>}), so out-of-team collectors neither see it in Tasklist nor read its
 * variables through Camunda's REST API: the engine's own authorizations keep the customer from
 * them. Every user task's candidate groups are wrapped at parse time (not in the BPMN), before the
 * engine grants the candidate groups their task authorizations, and only tasks whose process
 * carries a {@code customerId} are changed. A task keeps the team it was created with.
 */
@Component
class TeamTaskRouting extends AbstractProcessEnginePlugin {

    static final String VAR_CUSTOMER_ID = "customerId";

    private final ObjectProvider<CustomerTeams> teams;
    private final TeamScopingProperties scoping;

    TeamTaskRouting(ObjectProvider<CustomerTeams> teams, TeamScopingProperties scoping) {
        this.teams = teams;
        this.scoping = scoping;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!scoping.enabled()) {
            return;
        }
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    Set<Expression> groups = userTask.getTaskDefinition().getCandidateGroupIdExpressions();
                    List<Expression> declared = List.copyOf(groups);
                    groups.clear();
                    declared.forEach(expression -> groups.add(new TeamCandidateGroups(expression)));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The declared candidate groups, with collectors replaced by the customer's team when it has one. */
    private final class TeamCandidateGroups implements Expression {

        private final Expression declared;

        TeamCandidateGroups(Expression declared) {
            this.declared = declared;
        }

        @Override
        public Object getValue(VariableScope scope) {
            Object value = declared.getValue(scope);
            List<String> groups = value instanceof String text
                    ? Arrays.stream(text.split(",")).map(String::trim).toList()
                    : value instanceof Collection<?> many ? many.stream().map(String::valueOf).toList() : null;
            if (groups == null || !groups.contains(Roles.COLLECTORS)
                    || !(scope.getVariable(VAR_CUSTOMER_ID) instanceof String customerId)) {
                return value;
            }
            return teams.getObject().teamOf(UUID.fromString(customerId))
                    .<Object>map(team -> groups.stream()
                            .map(group -> Roles.COLLECTORS.equals(group) ? Roles.team(team) : group).toList())
                    .orElse(value);
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            declared.setValue(value, scope);
        }

        @Override
        public String getExpressionText() {
            return declared.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return declared.isLiteralText();
        }
    }
}
