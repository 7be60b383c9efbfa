// Folds similar functions into one node, so a lab with many alike parallel paths (lab 3's ten
// responders, each with its own dead-letter queues) reads at the page's first view: functions
// are alike when they and the nodes only they use (their on-failure destination, their
// subscription's own dead-letter queue) connect to the rest of the lab by the same kinds of edges
// to the same nodes. Nothing here knows a lab: it reads the topology's nodes and edges.
'use strict';

window.ConsoleGroups = (function () {
  // Three alike functions read well side by side (lab 1's services); more are folded.
  const SMALLEST_GROUP = 4;

  function adjacency(edges) {
    const byNode = new Map();
    edges.forEach((edge) => [edge.source, edge.target].forEach((id) => {
      if (!byNode.has(id)) byNode.set(id, []);
      byNode.get(id).push(edge);
    }));
    return byNode;
  }

  // The function and what belongs to it alone: a node all of whose edges touch the function, and
  // the dead-letter queue SNS keeps for the function's own subscription.
  function ownedBy(fn, nodes, edges, byNode) {
    const own = new Set([fn]);
    (byNode.get(fn) || []).forEach((edge) => {
      const other = edge.source === fn ? edge.target : edge.source;
      const kind = nodes.get(other) && nodes.get(other).kind;
      if (kind && kind !== 'function' && kind !== 'state' && (byNode.get(other) || []).every((e) => e.source === fn || e.target === fn)) {
        own.add(other);
      }
      if (edge.kind === 'subscription' && edge.target === fn) {
        const undeliverable = edges.find((e) => e.id === 'Undeliverable' + edge.id);
        if (undeliverable && (byNode.get(undeliverable.target) || []).length === 1) own.add(undeliverable.target);
      }
    });
    return own;
  }

  // How the function's own nodes connect to the rest: one line per edge kind, direction and far end.
  function signature(own, nodes, byNode) {
    const lines = new Set();
    own.forEach((id) => {
      const node = nodes.get(id);
      lines.add('own ' + node.kind + (node.deadLetter ? ' dlq' : ''));
      (byNode.get(id) || []).forEach((edge) => {
        const inside = own.has(edge.source) && own.has(edge.target);
        if (!inside) lines.add(edge.kind + (own.has(edge.source) ? ' to ' + edge.target : ' from ' + edge.source) + ' ' + node.kind);
      });
    });
    return [...lines].sort().join('\n');
  }

  // What the members' labels share, their numbers as N ("RideBookingUnicornManagementResourceNFunction").
  function commonLabel(labels) {
    const patterns = new Set(labels.map((label) => label.replace(/\d+/g, ' N ').trim()));
    return patterns.size === 1 ? [...patterns][0] : 'similar functions';
  }

  /**
   * The groups of alike functions in a topology (node and edge data as the server gives them):
   * each with its id, label, member functions, every node it folds, and its edges to the rest
   * (one per kind, direction and far end, with how many template edges it stands for).
   */
  function find(nodeList, edgeList) {
    const nodes = new Map(nodeList.map((n) => [n.id, n]));
    const byNode = adjacency(edgeList);
    const alike = new Map();
    nodeList.filter((n) => n.kind === 'function').forEach((fn) => {
      const own = ownedBy(fn.id, nodes, edgeList, byNode);
      const key = signature(own, nodes, byNode);
      if (!alike.has(key)) alike.set(key, []);
      alike.get(key).push({ fn: fn.id, own });
    });
    const groups = [];
    alike.forEach((members) => {
      if (members.length < SMALLEST_GROUP) return;
      const id = 'group:' + members[0].fn;
      const folded = new Set();
      members.forEach((m) => m.own.forEach((n) => folded.add(n)));
      const outside = new Map();
      edgeList.forEach((edge) => {
        const from = folded.has(edge.source);
        const to = folded.has(edge.target);
        if (from === to) return;
        const key = edge.kind + (from ? ' to ' + edge.target : ' from ' + edge.source);
        if (!outside.has(key)) {
          outside.set(key, { id: id + '/' + key, kind: 'grouped', edgeKind: edge.kind,
            source: from ? id : edge.source, target: from ? edge.target : id, count: 0, stands: [] });
        }
        outside.get(key).count++;
        outside.get(key).stands.push(edge.id);
      });
      groups.push({
        id, kind: 'group', label: commonLabel(members.map((m) => nodes.get(m.fn).label)),
        functions: members.map((m) => m.fn), folded: [...folded], edges: [...outside.values()],
        deadLetterQueues: [...folded].filter((n) => nodes.get(n).deadLetter).length
      });
    });
    return groups;
  }

  return { find };
}());
