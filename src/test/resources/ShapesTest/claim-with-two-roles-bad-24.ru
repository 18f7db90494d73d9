# bad: a claim with two argument roles
# shape: spsh:ClaimShape
# problem: ontology/shapes.ttl: shape violation of spsh:ClaimShape (spsh:Claim-argumentRole) at claim:author-industry-army (path <https://w3id.org/soviet-policy-kg/ontology#argumentRole>): A claim has at most one spo:argumentRole, a concept of the scheme spc:argument-roles (thesis, question, support, qualification, objection, context).
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
INSERT { cl:author-industry-army spo:argumentRole spc:context } WHERE {}
