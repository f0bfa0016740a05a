// Synthetic manifests for the bounded-work measures of bench/run.mjs: one app is a Deployment and its Service (26
// lines), spread over 20 namespaces, with a PodDisruptionBudget and a NetworkPolicy every tenth app, so every
// cross-object rule has candidates to look at.
export function app(i) {
  const ns = `ns-${i % 20}`;
  const docs = [`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${ns}
  labels: { app: app-${i}, tier: web }
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i}, tier: web }
    spec:
      containers:
        - name: app
          image: registry.example/app-${i}:1.${i}
          ports: [{ name: http, containerPort: 8080 }]
`, `apiVersion: v1
kind: Service
metadata: { name: app-${i}, namespace: ${ns} }
spec:
  selector: { app: app-${i} }
  ports: [{ port: 80, targetPort: http }]
`];
  if (i % 10 === 0) {
    docs.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: app-${i}, namespace: ${ns} }
spec:
  minAvailable: 1
  selector: { matchLabels: { tier: web } }
`, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: app-${i}, namespace: ${ns} }
spec:
  podSelector: { matchLabels: { app: app-${i} } }
  policyTypes: [Ingress]
`);
  }
  return docs.join('---\n');
}

/** About `lines` lines of apps in one YAML stream; `first` numbers the apps from there (distinct files of one folder). */
export function manifestOfLines(lines, first = 0) {
  const parts = [];
  let count = 0;
  for (let i = first; count < lines; i++) { const text = app(i); parts.push(text); count += text.split('\n').length; }
  return parts.join('---\n');
}
