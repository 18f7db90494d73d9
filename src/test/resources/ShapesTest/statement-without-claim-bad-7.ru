# bad: a statement that no claim asserts: who says Molotov replaced Litvinov?
# shape: spsh:StatementShape
# problem: ontology/shapes.ttl: shape violation of spsh:StatementShape at statement:molotov-replaced-litvinov (path <https://w3id.org/soviet-policy-kg/ontology#assertedIn>): Every statement must have exactly one spo:assertedIn: the spo:Claim that asserts it.
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
DELETE { st:molotov-replaced-litvinov spo:assertedIn ?c } WHERE { st:molotov-replaced-litvinov spo:assertedIn ?c }
