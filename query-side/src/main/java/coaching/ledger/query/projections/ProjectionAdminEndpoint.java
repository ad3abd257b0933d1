package coaching.ledger.query.projections;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
public class ProjectionAdminEndpoint {

    private final ProjectionAdmin admin;

    public ProjectionAdminEndpoint(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    public List<ProjectionStatus> projections() {
        return admin.statuses();
    }

    /** 202: the rebuild runs in the background; follow it with GET until caughtUp and not replaying. */
    @PostMapping("/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.accepted().body(admin.replay(name));
    }
}
