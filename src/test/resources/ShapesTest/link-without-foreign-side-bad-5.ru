# bad: a domestic-foreign link with its foreign side removed
# shape: spsh:LinkShape
# problem: ontology/shapes.ttl: shape violation of spsh:LinkShape at link:five-year-plans-enable-war-production (path <https://w3id.org/soviet-policy-kg/ontology#foreignSide>): Every domestic-foreign link must have exactly one spo:foreignSide, a policy, decision or event (or an idea: an expectation of one; or an outcome abroad: what a domestic policy enabled there).
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
DELETE { lk:five-year-plans-enable-war-production spo:foreignSide ?f } WHERE { lk:five-year-plans-enable-war-production spo:foreignSide ?f }
