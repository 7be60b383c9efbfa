// The local console's page: draws the lab's topology (from /api/labs/<stack>/topology) with
// cytoscape.js and the dagre layout, keeps each node's counters current from the server-sent
// events, and sends the learner's actions. Everything it loads comes from this server.
'use strict';

(function () {
  const stack = decodeURIComponent(location.pathname.split('/')[2] || '');
  const state = { counters: {}, topology: null, samples: {}, latencies: [], updates: 0, selected: null, groups: [], following: {} };
  window.wildRydesConsole = state;

  const COUNTER_NAMES = {
    requests: 'requests', invocations: 'invocations', inFlight: 'in flight', succeeded: 'succeeded',
    failed: 'failed', retried: 'retried', deadLettered: 'dead-lettered', published: 'published',
    delivered: 'delivered', filteredOut: 'filtered out', notDelivered: 'not delivered', depth: 'depth', received: 'received',
    oldestAgeSeconds: 'oldest (s)', calls: 'calls', executions: 'executions', running: 'running'
  };
  const SHORT = {
    requests: 'req', invocations: 'inv', inFlight: 'flight', succeeded: 'ok', failed: 'fail',
    retried: 'retry', deadLettered: 'DLQ', published: 'pub', delivered: 'dlv', filteredOut: 'filtered', notDelivered: 'undelivered',
    depth: 'depth', oldestAgeSeconds: 'age', calls: 'calls', executions: 'runs', running: 'running', received: 'rcv'
  };

  cytoscape.use(cytoscapeDagre);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name === 'text') node.textContent = value; else node.setAttribute(name, value);
    });
    children.forEach((child) => node.append(child));
    return node;
  }

  function summary(id) {
    return summaryOf(state.counters[id] || {});
  }

  function summaryOf(counters) {
    return Object.keys(SHORT)
      .filter((name) => counters[name])
      .map((name) => SHORT[name] + ' ' + counters[name] + (name === 'oldestAgeSeconds' ? 's' : ''))
      .join(' · ');
  }

  // A group's counters: its functions' summed (lab 3's ten responders count as one node while folded).
  function groupCounters(group) {
    const sum = {};
    group.functions.forEach((id) => Object.entries(state.counters[id] || {}).forEach(([name, value]) => {
      sum[name] = (sum[name] || 0) + value;
    }));
    return sum;
  }

  // How many messages the group's own queues (its dead-letter queues) hold.
  function groupQueued(group) {
    return group.folded.filter((id) => !group.functions.includes(id))
      .reduce((total, id) => total + ((state.counters[id] || {}).depth || 0), 0);
  }

  // What else a group folds besides its functions, and how to see it: "(20 dead-letter queues; click to show)".
  function folding(group) {
    const others = group.folded.length - group.functions.length - group.deadLetterQueues;
    const parts = [];
    if (group.deadLetterQueues) parts.push(group.deadLetterQueues + ' dead-letter queues');
    if (others) parts.push(others + ' other nodes');
    parts.push('click to show');
    return '(' + parts.join('; ') + ')';
  }

  function displayLabel(data) {
    if (data.kind === 'group') {
      const lines = [data.functions.length + ' × ' + data.label.replace(/([a-z0-9])([A-Z])/g, '$1 $2'),
        folding(data)];
      const counters = summaryOf(groupCounters(data));
      if (counters) lines.push(counters);
      const queued = groupQueued(data);
      if (queued) lines.push(queued + ' in its queues');
      return lines.join('\n');
    }
    const badges = [];
    if (data.alias) badges.push('alias ' + data.alias);
    if (data.snapStart) badges.push('SnapStart');
    if (data.fifo) badges.push('FIFO');
    if (data.deadLetter) badges.push('DLQ');
    // Words of a logical ID apart, so a long name wraps under its node instead of overlapping.
    const lines = [data.kind === 'route' ? data.label : data.label.replace(/([a-z0-9])([A-Z])/g, '$1 $2')];
    if (badges.length) lines.push(badges.join(' · '));
    const counters = summary(data.id);
    if (counters) lines.push(counters);
    return lines.join('\n');
  }

  const style = [
    { selector: 'node', style: {
      'label': 'data(display)', 'text-wrap': 'wrap', 'text-max-width': 130, 'font-size': 11,
      'text-valign': 'bottom', 'text-margin-y': 4, 'width': 26, 'height': 26, 'color': '#16191f',
      'text-background-color': '#fff', 'text-background-opacity': 0.7,
      'border-width': 0 } },
    { selector: 'node[kind = "route"]', style: { 'shape': 'round-tag', 'background-color': '#8c4fff' } },
    { selector: 'node[kind = "function"]', style: { 'shape': 'round-rectangle', 'background-color': '#ed7100' } },
    { selector: 'node[kind = "table"]', style: { 'shape': 'barrel', 'background-color': '#3b48cc' } },
    { selector: 'node[kind = "topic"]', style: { 'shape': 'hexagon', 'background-color': '#e7157b' } },
    { selector: 'node[kind = "group"]', style: {
      'shape': 'round-rectangle', 'background-color': '#ed7100', 'width': 40, 'height': 30,
      'border-width': 3, 'border-style': 'double', 'border-color': '#b35400' } },
    { selector: '.folded', style: { 'display': 'none' } },
    { selector: 'node[kind = "queue"]', style: { 'shape': 'rectangle', 'background-color': '#b0084d', 'height': 18 } },
    { selector: 'node[?deadLetter]', style: { 'background-color': '#fff', 'border-width': 3, 'border-color': '#d13212' } },
    { selector: 'node[kind = "statemachine"]', style: {
      'shape': 'round-rectangle', 'background-color': '#fce4ef', 'background-opacity': 0.6, 'border-width': 1,
      'border-color': '#e7157b', 'text-valign': 'top', 'text-margin-y': -2, 'padding': 6 } },
    { selector: 'node[kind = "state"]', style: {
      'shape': 'round-rectangle', 'width': 'data(width)', 'height': 22, 'background-color': '#eaeded',
      'border-width': 1, 'border-color': '#879596', 'text-valign': 'center', 'text-margin-y': 0, 'label': 'data(label)',
      'text-background-opacity': 0 } },
    { selector: 'node.state-succeeded', style: { 'background-color': '#2ea043', 'color': '#fff' } },
    { selector: 'node.state-caught', style: { 'background-color': '#ff9900' } },
    { selector: 'node.state-failed', style: { 'background-color': '#d13212', 'color': '#fff' } },
    { selector: 'node.state-running', style: { 'background-color': '#0972d3', 'color': '#fff' } },
    { selector: 'node.flash', style: { 'overlay-color': '#0972d3', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'node.flash-fail', style: { 'overlay-color': '#d13212', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#0972d3' } },
    { selector: 'node[kind = "statemachine"]:selected', style: { 'background-color': '#fce4ef' } },
    { selector: 'node.token', style: { 'width': 9, 'height': 9, 'background-color': '#0972d3', 'label': '', 'events': 'no' } },
    { selector: 'edge', style: {
      'width': 1.5, 'line-color': '#879596', 'target-arrow-color': '#879596', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier' } },
    { selector: 'edge[label]', style: {
      'label': 'data(label)', 'font-size': 9, 'color': '#545b64', 'text-rotation': 'autorotate',
      'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
    { selector: 'edge[kind = "uses"], edge[kind = "task"]', style: { 'line-style': 'dotted', 'line-color': '#aab7b8' } },
    { selector: 'edge[kind = "redrive"], edge[kind = "onFailure"], edge[kind = "undeliverable"]', style: {
      'line-style': 'dashed', 'line-color': '#d13212', 'target-arrow-color': '#d13212' } },
    { selector: 'edge[kind = "catch"]', style: { 'line-style': 'dashed', 'line-color': '#ff9900', 'target-arrow-color': '#ff9900' } },
    { selector: 'edge[filterPolicy]', style: { 'line-style': 'dashed' } },
    { selector: 'edge.active', style: { 'width': 4, 'line-color': '#0972d3', 'target-arrow-color': '#0972d3' } }
  ];

  let cy;

  async function getJson(url) {
    const response = await fetch(url, { headers: { 'Accept': 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.status);
    return body;
  }

  async function start() {
    const labs = await getJson('/api/labs');
    const nav = document.getElementById('labs');
    labs.forEach((lab) => nav.append(el('a', { href: lab.page, class: lab.name === stack ? 'current' : '', text: lab.name })));
    if (!stack) {
      document.getElementById('details-body').textContent = 'Choose a lab above.';
      return;
    }
    const topology = await getJson('/api/labs/' + encodeURIComponent(stack) + '/topology');
    state.topology = topology;
    state.samples = topology.samples;
    state.counters = topology.counters;
    state.groups = ConsoleGroups.find(topology.elements.nodes.map((n) => n.data), topology.elements.edges.map((e) => e.data));
    const folded = new Set(state.groups.flatMap((group) => group.folded));
    topology.elements.nodes.forEach((node) => {
      if (node.data.kind === 'state') node.data.width = 14 + 6.8 * node.data.label.length;
      else node.data.display = displayLabel(node.data);
      if (folded.has(node.data.id)) node.classes = 'folded';
    });
    const groupElements = state.groups.flatMap((group) => [{ data: { ...group, display: displayLabel(group) } }]
      .concat(group.edges.map((edge) => ({ data: { ...edge, label: edge.count + ' × ' + edge.edgeKind } }))));
    const elements = topology.elements.nodes.concat(topology.elements.edges, groupElements);
    cy = cytoscape({
      container: document.getElementById('graph'), elements, style, layout: { name: 'preset' },
      minZoom: 0.2, maxZoom: 3
    });
    state.cy = cy;
    layout();
    cy.on('tap', 'node', (event) => {
      if (event.target.hasClass('token')) return;
      if (event.target.data('kind') === 'group') unfold(event.target);
      else select(event.target.id());
    });
    fillForms();
    connect();
  }

  // The shown nodes laid out left to right (what a wide screen holds best), then fitted to the view;
  // an unfolded group's many parallel paths top to bottom instead, so its wide ranks use the width.
  function layout() {
    const shown = cy.elements().not('.folded').not('.token')
      .filter((e) => e.isNode() || (!e.source().hasClass('folded') && !e.target().hasClass('folded')));
    shown.layout({ name: 'dagre', rankDir: shown.nodes().length > 40 ? 'TB' : 'LR', nodeSep: 30, rankSep: 44, edgeSep: 6,
      nodeDimensionsIncludeLabels: true, fit: true, padding: 12 }).run();
  }

  function unfold(group) {
    group.addClass('folded');
    cy.collection(group.data('folded').map((id) => cy.getElementById(id))).removeClass('folded');
    layout();
  }

  function fold(groupId) {
    const group = cy.getElementById(groupId);
    cy.collection(group.data('folded').map((id) => cy.getElementById(id))).addClass('folded');
    group.removeClass('folded');
    layout();
  }

  // The group a folded node is drawn as, or the node itself when it is shown.
  function shownAs(node) {
    if (!node.hasClass('folded')) return node;
    const group = state.groups.find((g) => g.folded.includes(node.id()));
    return group ? cy.getElementById(group.id) : node;
  }

  function connect() {
    const status = document.getElementById('connection');
    const source = new EventSource('/api/labs/' + encodeURIComponent(stack) + '/events');
    source.onopen = () => { status.textContent = 'live'; status.className = 'connection live'; };
    source.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'connection lost'; };
    source.onmessage = (message) => apply(JSON.parse(message.data));
    state.source = source;
  }

  function apply(update) {
    Object.entries(update.counters || {}).forEach(([id, counters]) => {
      state.counters[id] = counters;
      const element = cy.getElementById(id);
      if (element.nonempty() && element.isNode() && element.data('kind') !== 'state') {
        element.data('display', displayLabel(element.data()));
      }
      state.groups.filter((group) => group.folded.includes(id)).forEach((group) => {
        const drawn = cy.getElementById(group.id);
        drawn.data('display', displayLabel(drawn.data()));
      });
    });
    const failed = /FAILED|DEAD_LETTER/.test(update.kind);
    if (update.node && update.kind !== 'QUEUE') flash(cy.getElementById(update.node), failed ? 'flash-fail' : 'flash');
    (update.edges || []).forEach((id) => travel(cy.getElementById(id)));
    if (update.kind === 'EXECUTION_STARTED') {
      state.following[update.node] = update.detail;
      running(update.node);
    }
    // The states of the execution started last, coloured as the interpreter enters and leaves them.
    if (update.kind === 'EXECUTION_STEP' && state.following[update.node] === update.detail) {
      step(update.node, JSON.parse(update.payload));
    }
    if (update.kind === 'EXECUTION_ENDED') colour(update.node, JSON.parse(update.payload));
    if (update.kind !== 'QUEUE') log(update);
    if (state.selected && (update.node === state.selected || (update.counters || {})[state.selected])) {
      scheduleDetails();
    }
    state.updates++;
    requestAnimationFrame(() => state.latencies.push(Date.now() - update.at));
  }

  function flash(node, cls) {
    if (node.empty()) return;
    node = shownAs(node);
    node.addClass(cls);
    setTimeout(() => node.removeClass(cls), 600);
  }

  // A message moving along its edge: a dot travels from source to target.
  function travel(edge) {
    if (edge.empty()) return;
    const source = shownAs(edge.source());
    const target = shownAs(edge.target());
    if (source.same(target)) return;
    const drawn = edge.visible() ? edge : source.edgesTo(target).filter((e) => e.data('edgeKind') === edge.data('kind'));
    drawn.addClass('active');
    setTimeout(() => drawn.removeClass('active'), 700);
    const from = source.position();
    const to = target.position();
    const token = cy.add({ group: 'nodes', data: { id: 'token-' + Math.random().toString(36).slice(2), kind: 'token' },
      position: { x: from.x, y: from.y }, classes: 'token' });
    token.animate({ position: { x: to.x, y: to.y } }, { duration: 500, complete: () => token.remove() });
  }

  function running(machine) {
    cy.nodes('[kind = "state"]').filter((n) => n.data('parent') === machine)
      .removeClass('state-succeeded state-caught state-failed state-running')
      .filter((n) => n.data('start')).addClass('state-running');
  }

  const STEP_COLOURS = { StateEntered: 'running', StateRetried: 'running', StateExited: 'succeeded',
    StateFailed: 'failed', StateCaught: 'caught' };

  function step(machine, change) {
    const node = cy.getElementById(machine + '/' + change.state);
    const colour = STEP_COLOURS[change.type];
    // A state whose error was caught stays orange when the interpreter then leaves it.
    if (node.empty() || !colour || (colour === 'succeeded' && node.hasClass('state-caught'))) return;
    node.removeClass('state-succeeded state-caught state-failed state-running').addClass('state-' + colour);
  }

  // The states an execution entered, coloured as the AWS console does; states not entered stay grey.
  function colour(machine, execution) {
    const states = cy.nodes('[kind = "state"]').filter((n) => n.data('parent') === machine);
    states.removeClass('state-succeeded state-caught state-failed state-running');
    (execution.path || []).forEach((step) => cy.getElementById(machine + '/' + step.state).addClass('state-' + step.status));
    state.lastExecution = execution;
  }

  function logDetail(update) {
    if (update.kind !== 'EXECUTION_STEP') return update.detail || '';
    const change = JSON.parse(update.payload);
    return change.type + ' ' + change.state + (change.error ? ' (' + change.error + ')' : '') + ' — ' + update.detail.split(':').pop();
  }

  function log(update) {
    const list = document.getElementById('log-list');
    const time = new Date(update.at).toISOString().slice(11, 23);
    const item = el('li', { class: /FAILED|DEAD/.test(update.kind) ? 'fail' : '', 'data-kind': update.kind, 'data-at': update.at,
      text: time + ' ' + update.kind + ' ' + (update.node || '') + (logDetail(update) ? ' — ' + logDetail(update) : '') });
    list.prepend(item);
    while (list.children.length > 100) list.lastChild.remove();
  }

  let detailsTimer = null;
  function scheduleDetails() {
    if (detailsTimer) return;
    detailsTimer = setTimeout(() => { detailsTimer = null; select(state.selected); }, 300);
  }

  async function select(id) {
    state.selected = id;
    const body = document.getElementById('details-body');
    let details;
    try {
      details = await getJson('/api/labs/' + encodeURIComponent(stack) + '/nodes/' + encodeURIComponent(id));
    } catch (error) {
      body.replaceChildren(el('p', { text: 'Could not read ' + id + ': ' + error.message }));
      return;
    }
    const node = details.node;
    const parts = [el('h3', { text: node.label + ' (' + node.kind + ')' }), el('p', { class: 'node-id', text: node.id })];
    const facts = ['alias', 'snapStart', 'runtime', 'handler', 'url', 'fifo', 'deadLetter', 'stateType']
      .filter((name) => node[name] !== undefined && node[name] !== false && node[name] !== '')
      .map((name) => name + ': ' + node[name]);
    if (facts.length) parts.push(el('p', { text: facts.join(' · ') }));
    const group = state.groups.find((g) => g.folded.includes(node.id));
    if (group) {
      const button = el('button', { type: 'button', class: 'fold', text: 'Fold the ' + group.functions.length + ' similar functions into one node' });
      button.addEventListener('click', () => fold(group.id));
      parts.push(button);
    }
    const table = el('table', { class: 'counters', id: 'node-counters' });
    Object.entries(details.counters).forEach(([name, value]) =>
      table.append(el('tr', { 'data-counter': name }, el('td', { text: COUNTER_NAMES[name] || name }), el('td', { text: String(value) }))));
    parts.push(table);
    if (details.messages) {
      parts.push(el('h4', { text: 'Messages in this dead-letter queue (' + details.messages.length + ' shown)' }));
      details.messages.forEach((message) => parts.push(el('pre', { class: 'dead-letter', text: message.body })));
    }
    if (details.executions) {
      parts.push(el('h4', { text: 'Executions (click to colour its path)' }));
      const list = el('ol', { class: 'executions' });
      details.executions.forEach((execution) => {
        const item = el('li', { class: 'status-' + execution.status,
          text: execution.status + ' ' + execution.executionArn.split(':').pop() + ': ' + (execution.states || []).join(' → ') });
        item.addEventListener('click', () => colour(node.id, execution));
        list.append(item);
      });
      parts.push(list);
    }
    if (details.logLines) {
      parts.push(el('h4', { text: 'Log lines (last ' + details.logLines.length + ')' }));
      parts.push(el('pre', { class: 'log-lines', text: details.logLines.join('\n') }));
    }
    parts.push(el('h4', { text: 'Recent events' }));
    details.events.forEach((event) => {
      const summaryLine = el('summary', { text: new Date(event.at).toISOString().slice(11, 23) + ' ' + event.kind + (event.detail ? ' — ' + event.detail : '') });
      parts.push(el('details', { class: 'event' }, summaryLine, el('pre', { text: pretty(event.payload) })));
    });
    body.replaceChildren(...parts);
  }

  function pretty(text) {
    if (text === null || text === undefined) return '(no payload)';
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
  }

  // ---- actions ----
  function nodesOf(kind, filter) {
    return state.topology.elements.nodes.map((n) => n.data).filter((d) => d.kind === kind && (!filter || filter(d)));
  }

  function options(select, list) {
    select.replaceChildren(...list.map((d) => el('option', { value: d.id, text: d.label })));
  }

  function sampleText(value) {
    const random = Math.random().toString(36).slice(2, 10);
    return JSON.stringify(value, null, 2).replaceAll('{{random}}', random);
  }

  function fillForms() {
    const send = document.getElementById('form-send-request');
    options(send.route, nodesOf('route'));
    const routeChanged = () => {
      const samples = state.samples[send.route.value] || [];
      send.sample.replaceChildren(...samples.map((s, i) => el('option', { value: i, text: s.name })));
      const holder = send.querySelector('.path-parameters');
      const route = nodesOf('route').find((d) => d.id === send.route.value);
      const names = route ? [...route.path.matchAll(/\{([^}]+)}/g)].map((m) => m[1]) : [];
      holder.replaceChildren(...names.map((name) => el('label', { text: name + ' ' }, el('input', { name: 'path-' + name }))));
      sampleChanged();
    };
    const sampleChanged = () => {
      const sample = (state.samples[send.route.value] || [])[send.sample.value];
      send.body.value = sample && sample.body ? sampleText(sample.body) : '';
      Object.entries((sample && sample.pathParameters) || {}).forEach(([name, value]) => {
        const input = send.querySelector('[name="path-' + name + '"]');
        if (input) input.value = value;
      });
    };
    send.route.addEventListener('change', routeChanged);
    send.sample.addEventListener('change', sampleChanged);
    routeChanged();

    const publish = document.getElementById('form-publish');
    options(publish.topic, nodesOf('topic'));

    const execution = document.getElementById('form-start-execution');
    options(execution.stateMachine, nodesOf('statemachine'));
    const machineChanged = () => {
      const samples = state.samples[execution.stateMachine.value] || [];
      execution.sample.replaceChildren(...samples.map((s, i) => el('option', { value: i, text: s.name })));
      executionSample();
    };
    const executionSample = () => {
      const sample = (state.samples[execution.stateMachine.value] || [])[execution.sample.value];
      execution.input.value = sample ? sampleText(sample.input) : '{}';
    };
    execution.stateMachine.addEventListener('change', machineChanged);
    execution.sample.addEventListener('change', executionSample);
    machineChanged();

    options(document.getElementById('form-redrive').queue, nodesOf('queue', (d) => d.deadLetter));
    options(document.getElementById('form-plan-fault').node,
      nodesOf('function').concat(nodesOf('statemachine')));

    const available = {
      'send-request': nodesOf('route').length, 'publish': nodesOf('topic').length,
      'start-execution': nodesOf('statemachine').length, 'redrive': nodesOf('queue', (d) => d.deadLetter).length,
      'plan-fault': 1
    };
    document.querySelectorAll('.tabs button').forEach((button) => {
      button.hidden = !available[button.dataset.tab];
      button.addEventListener('click', () => showTab(button.dataset.tab));
    });
    showTab(Object.keys(available).find((tab) => available[tab]));
    document.querySelectorAll('form[data-action]').forEach((form) => form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit(form);
    }));
  }

  function showTab(tab) {
    document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('selected', b.dataset.tab === tab));
    document.querySelectorAll('form[data-action]').forEach((f) => { f.hidden = f.dataset.action !== tab; });
  }

  function parse(text, what) {
    try { return JSON.parse(text); } catch (e) { throw new Error(what + ' is not JSON: ' + e.message); }
  }

  function actionBody(form) {
    switch (form.dataset.action) {
      case 'send-request': {
        const pathParameters = {};
        form.querySelectorAll('.path-parameters input').forEach((i) => { pathParameters[i.name.slice(5)] = i.value; });
        // Sent as text: the API itself judges the body, as it would a client's.
        return { route: form.route.value, body: form.body.value, pathParameters };
      }
      case 'publish':
        return { topic: form.topic.value, message: form.message.value, attributes: parse(form.attributes.value, 'Attributes') };
      case 'start-execution':
        return { stateMachine: form.stateMachine.value, input: parse(form.input.value, 'Input') };
      case 'redrive':
        return { queue: form.queue.value };
      case 'plan-fault':
        return { node: form.node.value, service: form.service.value, operation: form.operation.value,
          nth: Number(form.nth.value), status: Number(form.status.value), code: form.code.value };
      default:
        throw new Error('unknown action');
    }
  }

  async function submit(form) {
    const result = document.getElementById('action-result');
    let body;
    try {
      body = actionBody(form);
    } catch (error) {
      result.textContent = error.message;
      result.dataset.status = 'invalid';
      return;
    }
    result.textContent = 'sending…';
    const response = await fetch('/api/labs/' + encodeURIComponent(stack) + '/actions/' + form.dataset.action, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    const answer = await response.json();
    result.dataset.status = String(answer.status || response.status);
    result.textContent = response.status + ' ' + JSON.stringify(answer, null, 2);
  }

  start().catch((error) => {
    document.getElementById('details-body').textContent = 'The console could not start: ' + error.message;
    document.getElementById('connection').textContent = 'failed';
  });
}());
