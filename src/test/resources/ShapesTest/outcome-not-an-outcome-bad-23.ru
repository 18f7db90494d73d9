# bad: an outcome that is a sphere, not a concept of spc:outcomes
# shape: spsh:OutcomeValueShape
# problem: ontology/shapes.ttl: shape violation of spsh:OutcomeValueShape at spd:tripartite-agreement (path <https://w3id.org/soviet-policy-kg/ontology#outcome>): Each spo:outcome must be a concept of the scheme spc:outcomes (came-to-nothing, concluded, dropped). [value: spc:domestic]
PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#>
PREFIX spd: <https://w3id.org/soviet-policy-kg/id/>
PREFIX spc: <https://w3id.org/soviet-policy-kg/concept/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX cl: <https://w3id.org/soviet-policy-kg/claim/>
PREFIX lk: <https://w3id.org/soviet-policy-kg/link/>
PREFIX st: <https://w3id.org/soviet-policy-kg/statement/>
WITH <https://w3id.org/soviet-policy-kg/graph/curated>
INSERT { spd:tripartite-agreement spo:outcome spc:domestic } WHERE {}
