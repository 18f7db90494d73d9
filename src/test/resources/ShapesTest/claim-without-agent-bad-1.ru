# bad: a claim whose agent is removed: who says so is no longer known
# shape: spsh:ClaimShape
# problem: ontology/shapes.ttl: shape violation of spsh:ClaimShape (spsh:Claim-claimedBy) at claim:conquest-suspected (path <https://w3id.org/soviet-policy-kg/ontology#claimedBy>): Every claim must have exactly one spo:claimedBy: an actor (a person, historian, the essay's author, an organisation, state or group) or the curator team.
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
DELETE { cl:conquest-suspected spo:claimedBy ?a } WHERE { cl:conquest-suspected spo:claimedBy ?a }
