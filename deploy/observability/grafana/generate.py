#!/usr/bin/env python3
"""Writes the Grafana dashboards under dashboards/: one per service, one for the platform.

The JSON files are what Grafana reads (provisioned, see provisioning/); this script is how they
are made, so that every service's dashboard has the same panels over its own series. Edit here,
run `python3 deploy/observability/grafana/generate.py`, commit both. Every metric a query names
must be in a real /metrics answer: ObservabilityConfigTest checks it.
"""
import json
import os

DS = {"type": "prometheus", "uid": "prometheus"}
SERVICES = ["trainer", "pdf", "auth", "gateway"]

# The route label of an HTTP request is the chain of the routers' paths it went through, e.g.
# "/api/>/api/v1/>/api/v1/>/plans/:id" at the gateway or "/api/v1/>/plans/:id" at a service, and
# a failure handler's hops appended after a 4xx. The operation is its first path that is not a
# mount prefix: "/plans/:id".
OPERATION_RE = "(?:/api/>)?(?:/api/v1/>)*(/[^>]*)(?:>.*)?"

# Probes and long-lived streams are not operations whose speed or failures a user feels.
NOT_OPERATIONS = 'route!~"/health|/metrics|.*/events.*"'

# The requests to each service's operations as the gateway sees them (over the event bus or
# HTTP): the first path of the operation names the service; trainer has every other one.
AT_GATEWAY = {
    "trainer": 'job="gateway", route=~"/api/>.*", route!~"/api/>(?:/api/v1/>)*/(?:auth|pdf|events)(?:[/>].*)?"',
    "pdf": 'job="gateway", route=~"/api/>(?:/api/v1/>)*/pdf(?:[/>].*)?"',
    "auth": 'job="gateway", route=~"/api/>(?:/api/v1/>)*/auth(?:[/>].*)?"',
    "gateway": 'job="gateway", route=~"/api/>.*"',
}


def ratio5xx(by, sel):
    """The share of 5xx answers among those that match sel; 0 rather than nothing while there are none."""
    everything = "sum %s(rate(vertx_http_server_requests_total{%s}[$__rate_interval]))" % (by, sel)
    errors = "sum %s(rate(vertx_http_server_requests_total{%s, code=~\"5..\"}[$__rate_interval]))" % (by, sel)
    return "(%s or %s * 0) / %s" % (errors, everything, everything)


def op(expr):
    return 'label_replace(%s, "operation", "$1", "route", "%s")' % (expr, OPERATION_RE)


class Board:
    def __init__(self):
        self.panels = []
        self.y = 0
        self.x = 0
        self.next_id = 1

    def row(self, title):
        self._newline()
        self.panels.append({"type": "row", "title": title, "id": self._id(), "collapsed": False,
                            "gridPos": {"h": 1, "w": 24, "x": 0, "y": self.y}, "panels": []})
        self.y += 1

    def panel(self, title, targets, unit="short", kind="timeseries", width=8, height=8, description=None,
              **extra):
        if self.x + width > 24:
            self._newline()
        p = {"type": kind, "title": title, "id": self._id(), "datasource": DS,
             "gridPos": {"h": height, "w": width, "x": self.x, "y": self.y},
             "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
             "targets": [dict(datasource=DS, refId=chr(ord("A") + i), expr=expr, legendFormat=legend)
                         for i, (expr, legend) in enumerate(targets)]}
        if description:
            p["description"] = description
        for key, value in extra.items():
            p[key] = value
        self.panels.append(p)
        self.x += width
        self.last_height = height

    def _newline(self):
        if self.x:
            self.y += getattr(self, "last_height", 8)
            self.x = 0

    def _id(self):
        self.next_id += 1
        return self.next_id - 1


BREAKER_MAPPINGS = [{"type": "value", "options": {
    "0": {"text": "closed", "color": "green"},
    "1": {"text": "half-open", "color": "yellow"},
    "2": {"text": "open", "color": "red"}}}]


def requests_row(b, title, sel, description):
    """Rate, 5xx ratio and latency percentiles per operation of the requests that match sel."""
    b.row(title)
    real = "%s, %s" % (sel, NOT_OPERATIONS)
    b.panel("Request rate by operation",
            [("sum by (method, operation) (%s)" % op("rate(vertx_http_server_requests_total{%s}[$__rate_interval])" % sel),
              "{{method}} {{operation}}")], unit="reqps", description=description)
    b.panel("Responses by status",
            [("sum by (code) (rate(vertx_http_server_requests_total{%s}[$__rate_interval]))" % sel, "{{code}}")],
            unit="reqps")
    b.panel("Error ratio (5xx)",
            [(ratio5xx("", real), "all operations"),
             ("sum by (method, operation) (%s) / sum by (method, operation) (%s) > 0" % (
                 op("rate(vertx_http_server_requests_total{%s, code=~\"5..\"}[$__rate_interval])" % real),
                 op("rate(vertx_http_server_requests_total{%s}[$__rate_interval])" % real)),
              "{{method}} {{operation}}")],
            unit="percentunit", description="Server errors over all answers; probes (/health, /metrics) and event streams left out.")
    for q in ("0.5", "0.95", "0.99"):
        b.panel("Latency p%g by operation" % (float(q) * 100),
                [("histogram_quantile(%s, sum by (le, method, operation) (%s))" % (
                    q, op("rate(vertx_http_server_response_time_seconds_bucket{%s}[$__rate_interval])" % real)),
                  "{{method}} {{operation}}"),
                 ("histogram_quantile(%s, sum by (le) (rate(vertx_http_server_response_time_seconds_bucket{%s}[$__rate_interval])))" % (q, real),
                  "all operations")], unit="s")


def dependencies_row(b, sel):
    b.row("Circuit breakers, pools, PostgreSQL, Redis, outbound HTTP")
    b.panel("Circuit breakers", [("max by (name) (circuit_breaker_state{%s})" % sel, "{{name}}")],
            kind="state-timeline", width=12,
            description="0 closed, 1 half-open (one probe let through), 2 open (calls fail fast).",
            options={"showValue": "auto", "mergeValues": True},
            fieldConfig={"defaults": {"unit": "short", "mappings": BREAKER_MAPPINGS,
                                      "thresholds": {"mode": "absolute", "steps": [
                                          {"color": "green", "value": None}, {"color": "yellow", "value": 1},
                                          {"color": "red", "value": 2}]},
                                      "color": {"mode": "thresholds"}}, "overrides": []})
    b.panel("Pool use (connections or threads in use over the pool's size)",
            [("max by (pool_type, pool_name) (vertx_pool_ratio{%s, pool_type=~\"sql|worker|http\"})" % sel,
              "{{pool_type}} {{pool_name}}"),
             ("max by (pool_type) (vertx_pool_ratio{%s, pool_type=\"redis\"})" % sel, "redis (busiest)")],
            unit="percentunit", width=12)
    b.panel("PostgreSQL pool: in use and waiting",
            [("sum by (pool_name) (vertx_pool_in_use{%s, pool_type=\"sql\"})" % sel, "in use {{pool_name}}"),
             ("sum by (pool_name) (vertx_pool_queue_pending{%s, pool_type=\"sql\"})" % sel, "waiting {{pool_name}}")])
    b.panel("Wait for a pooled resource (mean)",
            [("sum by (pool_type, pool_name) (rate(vertx_pool_queue_time_seconds_sum{%s, pool_type=~\"sql|worker\"}[$__rate_interval])) / "
              "sum by (pool_type, pool_name) (rate(vertx_pool_queue_time_seconds_count{%s, pool_type=~\"sql|worker\"}[$__rate_interval]))" % (sel, sel),
              "{{pool_type}} {{pool_name}}")], unit="s")
    b.panel("SQL and Redis latency p99",
            [("histogram_quantile(0.99, sum by (le) (rate(vertx_sql_processing_time_seconds_bucket{%s}[$__rate_interval])))" % sel, "SQL p99"),
             ("histogram_quantile(0.99, sum by (le) (rate(vertx_redis_processing_time_seconds_bucket{%s}[$__rate_interval])))" % sel, "Redis p99"),
             ("sum(rate(vertx_sql_resets_total{%s}[$__rate_interval]))" % sel, "SQL resets/s"),
             ("sum(rate(vertx_redis_resets_total{%s}[$__rate_interval]))" % sel, "Redis resets/s")], unit="s")
    b.panel("Outbound HTTP (upstreams, JWKS, OAuth, Strava)",
            [("sum by (code) (rate(vertx_http_client_requests_total{%s}[$__rate_interval]))" % sel, "requests {{code}}"),
             ("histogram_quantile(0.99, sum by (le) (rate(vertx_http_client_response_time_seconds_bucket{%s}[$__rate_interval])))" % sel, "p99 (s)")],
            width=12)
    b.panel("In-flight requests and open connections",
            [("sum(vertx_http_server_active_requests{%s})" % sel, "requests in flight"),
             ("sum(vertx_http_server_active_connections{%s})" % sel, "server connections"),
             ("sum(vertx_http_client_active_connections{%s})" % sel, "client connections")], width=12)


def eventbus_row(b, sel):
    b.row("Event bus")
    b.panel("Messages handled by address (local: this node's own senders; remote: other nodes')",
            [("sum by (address, side) (rate(vertx_eventbus_processed_total{%s}[$__rate_interval])) > 0" % sel,
              "{{address}} {{side}}")], unit="reqps", width=12)
    b.panel("Messages sent by address",
            [("sum by (address) (rate(vertx_eventbus_sent_total{%s}[$__rate_interval])) > 0" % sel, "{{address}}")],
            unit="reqps", width=12)
    b.panel("Messages waiting for a handler",
            [("sum by (address) (vertx_eventbus_pending{%s}) > 0" % sel, "{{address}}")])
    b.panel("Messages discarded (no handler or a full queue)",
            [("sum by (address) (rate(vertx_eventbus_discarded_total{%s}[$__rate_interval])) > 0" % sel, "{{address}}")],
            unit="reqps")
    b.panel("Handlers by address", [("sum by (address) (vertx_eventbus_handlers{%s})" % sel, "{{address}}")])


def jvm_row(b, sel, by="instance"):
    b.row("JVM and process")
    b.panel("Heap used and max", [
        ("sum by (%s) (jvm_memory_used_bytes{%s, area=\"heap\"})" % (by, sel), "used {{%s}}" % by),
        ("sum by (%s) (jvm_memory_max_bytes{%s, area=\"heap\"} > 0)" % (by, sel), "max {{%s}}" % by)], unit="bytes")
    b.panel("GC pause time per second", [
        ("sum by (%s, gc) (rate(jvm_gc_pause_seconds_sum{%s}[$__rate_interval]))" % (by, sel), "{{%s}} {{gc}}" % by)],
            unit="s")
    b.panel("Threads", [
        ("sum by (%s) (jvm_threads_live_threads{%s})" % (by, sel), "live {{%s}}" % by),
        ("sum by (%s) (jvm_threads_daemon_threads{%s})" % (by, sel), "daemon {{%s}}" % by)])
    b.panel("CPU", [("max by (%s) (process_cpu_usage{%s})" % (by, sel), "process {{%s}}" % by),
                    ("max by (%s) (system_cpu_usage{%s})" % (by, sel), "system {{%s}}" % by)], unit="percentunit")
    b.panel("Non-heap used", [
        ("sum by (%s) (jvm_memory_used_bytes{%s, area=\"nonheap\"})" % (by, sel), "{{%s}}" % by)], unit="bytes")
    b.panel("Uptime", [("max by (%s) (process_uptime_seconds{%s})" % (by, sel), "{{%s}}" % by)], unit="s")


def dashboard(uid, title, panels, templating, tags):
    return {"uid": uid, "title": title, "tags": ["running-trainer"] + tags, "timezone": "utc",
            "schemaVersion": 39, "version": 1, "editable": True, "refresh": "30s",
            "time": {"from": "now-1h", "to": "now"}, "templating": {"list": templating},
            "annotations": {"list": []}, "panels": panels}


def instance_variable(job):
    return {"name": "instance", "label": "instance", "type": "query", "datasource": DS,
            "query": {"query": 'label_values(up{job="%s"}, instance)' % job, "refId": "instances"},
            "definition": 'label_values(up{job="%s"}, instance)' % job,
            "includeAll": True, "multi": True, "allValue": ".*", "refresh": 2,
            "current": {"text": "All", "value": "$__all"}}


def service_board(service):
    b = Board()
    own = 'job="%s", instance=~"$instance"' % service
    if service == "gateway":
        requests_row(b, "Requests at the gateway (every service's operations and the event stream)", own,
                     "The operations the gateway routes, whether it forwards them over the event bus or HTTP.")
    else:
        requests_row(b, "Requests to %s's operations, at the gateway" % service, AT_GATEWAY[service],
                     "What clients of the platform see: %s's operations as the gateway answers them, over the event "
                     "bus or HTTP. Requests forwarded over the event bus reach %s as messages, not HTTP requests, so "
                     "only the gateway times them." % (service, service))
        requests_row(b, "Requests at %s's own HTTP port (direct calls, HTTP forwarding, probes)" % service, own,
                     "Requests %s answers on its own port: direct callers, the HTTP-forwarding gateway, "
                     "operations marked x-forward: http, and /health and /metrics." % service)
    eventbus_row(b, own)
    dependencies_row(b, own)
    jvm_row(b, own)
    return dashboard("rt-" + service, "Running Trainer / " + service, b.panels, [instance_variable(service)],
                     [service])


def platform_board():
    b = Board()
    jobs = 'job=~"%s"' % "|".join(SERVICES)
    b.row("Health")
    b.panel("Instances up", [("sum by (job) (up{%s})" % jobs, "{{job}}")], kind="stat", width=8, height=5,
            options={"reduceOptions": {"calcs": ["lastNotNull"]}, "colorMode": "background"},
            fieldConfig={"defaults": {"unit": "short", "thresholds": {"mode": "absolute", "steps": [
                {"color": "red", "value": None}, {"color": "green", "value": 1}]}}, "overrides": []})
    b.panel("Open circuit breakers", [("count by (job) (circuit_breaker_state{%s} == 2)" % jobs, "{{job}}")],
            kind="stat", width=8, height=5, options={"reduceOptions": {"calcs": ["lastNotNull"]}, "colorMode": "background"},
            fieldConfig={"defaults": {"unit": "short", "noValue": "0", "thresholds": {"mode": "absolute", "steps": [
                {"color": "green", "value": None}, {"color": "red", "value": 1}]}}, "overrides": []})
    b.panel("Alerts firing", [("count by (alertname) (ALERTS{alertstate=\"firing\"})", "{{alertname}}")],
            kind="stat", width=8, height=5, options={"reduceOptions": {"calcs": ["lastNotNull"]}, "colorMode": "background"},
            fieldConfig={"defaults": {"unit": "short", "noValue": "none", "thresholds": {"mode": "absolute", "steps": [
                {"color": "green", "value": None}, {"color": "red", "value": 1}]}}, "overrides": []})
    b.row("Traffic at the edge, by service")
    edge = [(service, AT_GATEWAY[service]) for service in ["trainer", "pdf", "auth"]]
    b.panel("Request rate at the gateway, by service",
            [("sum(rate(vertx_http_server_requests_total{%s}[$__rate_interval]))" % sel, service) for service, sel in edge],
            unit="reqps")
    b.panel("Error ratio (5xx) at the gateway, by service",
            [(ratio5xx("", "%s, %s" % (sel, NOT_OPERATIONS)), service) for service, sel in edge], unit="percentunit")
    b.panel("Latency p99 at the gateway, by service",
            [("histogram_quantile(0.99, sum by (le) (rate(vertx_http_server_response_time_seconds_bucket{%s, %s}[$__rate_interval])))"
              % (sel, NOT_OPERATIONS), service) for service, sel in edge], unit="s")
    b.row("Every process")
    b.panel("HTTP request rate by process", [
        ("sum by (job) (rate(vertx_http_server_requests_total{%s}[$__rate_interval]))" % jobs, "{{job}}")], unit="reqps")
    b.panel("HTTP error ratio (5xx) by process", [
        (ratio5xx("by (job) ", "%s, %s" % (jobs, NOT_OPERATIONS)), "{{job}}")], unit="percentunit")
    b.panel("HTTP latency p99 by process", [
        ("histogram_quantile(0.99, sum by (job, le) (rate(vertx_http_server_response_time_seconds_bucket{%s, %s}[$__rate_interval])))"
         % (jobs, NOT_OPERATIONS), "{{job}}")], unit="s")
    b.panel("Circuit breakers", [("max by (job, name) (circuit_breaker_state{%s})" % jobs, "{{job}} {{name}}")],
            kind="state-timeline", width=12, description="0 closed, 1 half-open, 2 open.",
            options={"showValue": "auto", "mergeValues": True},
            fieldConfig={"defaults": {"unit": "short", "mappings": BREAKER_MAPPINGS,
                                      "thresholds": {"mode": "absolute", "steps": [
                                          {"color": "green", "value": None}, {"color": "yellow", "value": 1},
                                          {"color": "red", "value": 2}]},
                                      "color": {"mode": "thresholds"}}, "overrides": []})
    b.panel("PostgreSQL pools: use and waiting", [
        ("max by (job, pool_name) (vertx_pool_ratio{%s, pool_type=\"sql\"})" % jobs, "use {{job}} {{pool_name}}"),
        ("sum by (job, pool_name) (vertx_pool_queue_pending{%s, pool_type=\"sql\"})" % jobs, "waiting {{job}} {{pool_name}}")],
            width=12)
    b.panel("Event-bus messages handled, by address", [
        ("sum by (address) (rate(vertx_eventbus_processed_total{%s}[$__rate_interval])) > 0" % jobs, "{{address}}")],
            unit="reqps", width=12)
    b.panel("Event-bus messages handled from other nodes, by process", [
        ("sum by (job) (rate(vertx_eventbus_processed_total{%s, side=\"remote\"}[$__rate_interval]))" % jobs, "{{job}}")],
            unit="reqps", width=12)
    jvm_row(b, jobs, by="job")
    return dashboard("rt-platform", "Running Trainer / platform", b.panels, [], ["platform"])


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboards")
    boards = {service: service_board(service) for service in SERVICES}
    boards["platform"] = platform_board()
    for name, board in boards.items():
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(board, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
